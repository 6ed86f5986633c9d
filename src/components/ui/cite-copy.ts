/**
 * <cite-copy>: reveals a "copy" button next to a citation and puts the citation's text on the
 * clipboard. Without JavaScript, or without the Clipboard API (an insecure origin, an old browser),
 * the button stays hidden and the reader selects the text, which one click does (user-select: all).
 */
class CiteCopy extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector<HTMLButtonElement>('button[data-copy]');
    const source = this.querySelector<HTMLElement>('[data-citation]');
    const status = this.querySelector<HTMLElement>('[data-status]');
    if (!button || !source || !status || typeof navigator.clipboard?.writeText !== 'function') return;
    const copied = this.dataset['copied'] ?? '';
    const failed = this.dataset['failed'] ?? '';
    button.hidden = false;
    button.addEventListener('click', async () => {
      const text = (source.textContent ?? '').replace(/\s+/g, ' ').trim();
      try {
        await navigator.clipboard.writeText(text);
        status.textContent = copied;
      } catch {
        // Permission refused: select the text so that Ctrl+C / ⌘C works, and say so.
        const range = document.createRange();
        range.selectNodeContents(source);
        const selection = window.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
        status.textContent = failed;
      }
    });
  }
}

if (!customElements.get('cite-copy')) customElements.define('cite-copy', CiteCopy);

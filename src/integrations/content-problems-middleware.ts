/**
 * `astro dev` only (added by src/integrations/content-problems.ts): puts the current content problems
 * at the top of every page, and answers a page that fails to render while there are problems with
 * the problems instead of a stack trace.
 */
import { defineMiddleware } from 'astro:middleware';
import { noticeHtml, problemPage, withNotice } from '../lib/content-problems.ts';
import { problemsState } from './content-problems-state.ts';

export const onRequest = defineMiddleware(async (_context, next) => {
  const state = problemsState();
  state.flush();
  let response: Response;
  try {
    response = await next();
  } catch (error) {
    if (state.issues.length === 0) throw error;
    return new Response(problemPage(state.issues, error), { status: 500, headers: { 'content-type': 'text/html; charset=utf-8' } });
  }
  if (state.issues.length === 0 || !response.headers.get('content-type')?.includes('text/html')) return response;
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  const html = withNotice(await response.text(), noticeHtml(state.issues));
  return new Response(html, { status: response.status, statusText: response.statusText, headers });
});

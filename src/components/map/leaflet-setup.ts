/**
 * Leaflet, in the lazily loaded street map chunk: <project-map> imports street-map.ts only when a
 * reader presses "show on the street map", so pages load none of it before. Leaflet and its CSS
 * (map-assets.ts links it) come from npm and are bundled with the site (no CDN); markers are drawn
 * with CSS (divIcon), so Leaflet's default PNG icons are never requested.
 */
import L from 'leaflet';
export default L;

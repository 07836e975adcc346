/** Stylesheets are side-effect imports that Vite extracts into each build's CSS file. */
declare module '*.css';

// Vite's client types: lets main.tsx import its stylesheets (tsconfig.web.json lists no ambient types).
/// <reference types="vite/client" />

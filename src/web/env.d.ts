// Stylesheets are bundled by Vite; TypeScript only needs to know they exist.
declare module '*.css';

/** ECharts' Japanese words (a CommonJS object; registered with echarts.registerLocale). */
declare module 'echarts/i18n/langJA-obj.js' {
  const locale: Parameters<typeof import('echarts/core').registerLocale>[1];
  export default locale;
}

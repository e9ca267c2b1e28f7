/** The build-time data module of the Vite plugin (typed in paper.ts). */
declare module 'virtual:paper' {
  const data: unknown;
  export default data;
}

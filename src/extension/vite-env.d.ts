declare module '*?inline' {
  /** The file as a base64 data: URL. */
  const dataUrl: string;
  export default dataUrl;
}

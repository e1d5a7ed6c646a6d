/** A fresh script nonce for a webview page: 18 random bytes in base64, from Web Crypto, which both extension hosts (Node and web worker) have. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(18))));
}

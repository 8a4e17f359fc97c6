/** The hosted pages driven without a browser: fetch with a cookie jar, redirects not followed (tests see them). */
import assert from "node:assert/strict";

export class FormBrowser {
  cookies = new Map<string, string>();
  constructor(private readonly base: string) {}
  get(path: string) { return this.request(path, { method: "GET" }); }
  post(path: string, form: Record<string, string>) {
    return this.request(path, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(form).toString() });
  }
  async request(path: string, init: RequestInit) {
    const res = await fetch(path.startsWith("http") ? path : `${this.base}${path}`, {
      ...init, redirect: "manual",
      headers: { ...(init.headers as Record<string, string>), cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair.indexOf("=");
      if (/Max-Age=0/.test(c)) this.cookies.delete(pair.slice(0, eq));
      else this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return res;
  }

  /**
   * Opens an authorization URL, signs in on the login form and returns where the server sent the browser (the app's
   * callback, with a code), or the response when it did not redirect.
   */
  async signIn(authorizeUrl: string, username: string, password: string): Promise<string> {
    let res = await this.get(authorizeUrl);
    assert.equal(res.status, 302, `authorize answered ${res.status}`);
    const login = res.headers.get("location")!;
    res = await this.get(login);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await res.text())![1];
    res = await this.post(login, { _csrf: csrf, username, password });
    assert.equal(res.status, 302, `the login form answered ${res.status}`);
    return res.headers.get("location")!;
  }
}

export const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1];

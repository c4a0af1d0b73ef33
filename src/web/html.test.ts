import { describe, expect, it } from 'vitest';
import { escapeHtml, flag, html } from './html.js';

describe('html', () => {
  it('escapes every interpolated string, in text and in attributes', () => {
    const evil = `<script>alert("x")</script>&'`;
    expect(html`<p title="${evil}">${evil}</p>`.text).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p>',
    );
  });

  it('keeps markup built by html, joins arrays and drops null, undefined and false', () => {
    const items = ['a<b', 'c'].map((s) => html`<li>${s}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${0}`.text).toBe('<ul><li>a&lt;b</li><li>c</li></ul>0');
  });

  it('does not trust a string that merely looks like markup', () => {
    expect(html`${'<b>bold</b>'}`.text).toBe('&lt;b&gt;bold&lt;/b&gt;');
    expect(escapeHtml('"&"')).toBe('&quot;&amp;&quot;');
  });

  it('writes boolean attributes only when on', () => {
    expect(html`<input${flag('checked', true)}><input${flag('checked', false)}>`.text).toBe('<input checked><input>');
  });
});

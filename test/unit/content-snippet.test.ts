// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { snippetOf } from '../../src/content/collapse';

// collapse.ts reaches the polyfill through the placeholder's i18n; snippets need no extension API.
vi.mock('../../src/browser', () => ({ default: {} }));

function block(html: string): Element {
  const element = document.createElement('div');
  element.innerHTML = html;
  return element;
}

describe('snippetOf (the popup line for a collapsed block)', () => {
  it('keeps text of adjacent elements apart and leaves inline text whole', () => {
    expect(snippetOf(block('<h3>Support us</h3><p>Independent news <b>needs</b> you.</p>'))).toBe(
      'Support us Independent news needs you.',
    );
  });

  it('skips script and style text', () => {
    expect(snippetOf(block('<style>.a{}</style><p>Dear readers</p><script>var x = 1;</script>'))).toBe('Dear readers');
  });

  it('cuts at 80 characters with an ellipsis', () => {
    const snippet = snippetOf(block(`<p>${'word '.repeat(100)}</p>`));
    expect(snippet).toHaveLength(80);
    expect(snippet.endsWith('…')).toBe(true);
  });
});

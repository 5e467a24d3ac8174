// An exercise statement: Markdown (marked) with $…$ and $$…$$ math (KaTeX), sanitised (DOMPurify).
// Math is cut out before Markdown sees it (so `_` and `*` inside formulas stay formulas) and put
// back after sanitising; code spans and fenced blocks are left as they are.
import { marked } from 'marked';
import DOMPurify from 'dompurify';
import katex from 'katex';
import 'katex/dist/katex.min.css';

const CODE = /(```[\s\S]*?```|`[^`\n]*`)/g;
const MATH = /\$\$([\s\S]+?)\$\$|\$([^$\n]+?)\$/g;

function render(source) {
  const formulas = [];
  const parts = source.split(CODE).map((part, i) => {
    if (i % 2 === 1) {
      return part;
    }
    return part.replace(MATH, (m, display, inline) => {
      const tex = display !== undefined ? display : inline;
      let html;
      try {
        html = katex.renderToString(tex, {
          displayMode: display !== undefined,
          throwOnError: false,
          trust: false,
        });
      } catch (e) {
        html = '<code>' + tex.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]) + '</code>';
      }
      formulas.push(html);
      return 'LABMATH' + (formulas.length - 1) + 'X';
    });
  });
  const html = DOMPurify.sanitize(marked.parse(parts.join(''), { gfm: true }));
  return html.replace(/LABMATH(\d+)X/g, (m, n) => formulas[Number(n)]);
}

class LabMarkdown extends HTMLElement {
  connectedCallback() {
    // The server may set the source before this element is defined; move it to the setter.
    if (Object.prototype.hasOwnProperty.call(this, 'source')) {
      const v = this.source;
      delete this.source;
      this.source = v;
    }
  }

  set source(text) {
    this._source = text || '';
    this.innerHTML = render(this._source);
    this._focusableScrollers();
    this.setAttribute('data-rendered', 'true');
  }

  // A code block or a wide formula may scroll sideways; what scrolls must take keyboard focus
  // (WCAG 2.1.1), so that arrow keys can scroll it. Checked again when the column's width changes.
  _focusableScrollers() {
    const update = () => {
      for (const el of this.querySelectorAll('pre, .katex-display')) {
        if (el.tagName === 'PRE' || el.scrollWidth > el.clientWidth) {
          el.setAttribute('tabindex', '0');
        } else {
          el.removeAttribute('tabindex');
        }
      }
    };
    update();
    if (!this._resize && window.ResizeObserver) {
      this._resize = new ResizeObserver(update);
      this._resize.observe(this);
    }
  }

  get source() {
    return this._source;
  }
}

customElements.define('lab-markdown', LabMarkdown);

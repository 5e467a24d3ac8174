// The Java editor of the exercise page: CodeMirror 6 in a custom element's shadow root.
// The server sets `value` and `diagnostics`; the element reports edits (debounced), Ctrl/Cmd+Enter
// and Ctrl/Cmd+S as DOM events, and keeps every keystroke in localStorage until the server has it,
// so closing the tab loses nothing. Tab indents, so a line under the editor says how to leave it
// (Esc then Tab), and the editor's text box points at that line with aria-describedby.
import { EditorView, keymap } from '@codemirror/view';
import { EditorState } from '@codemirror/state';
import { basicSetup } from 'codemirror';
import { java } from '@codemirror/lang-java';
import { indentWithTab } from '@codemirror/commands';
import { setDiagnostics, lintGutter } from '@codemirror/lint';

const DEBOUNCE_MS = 1000;
const KEYS_HINT = 'Tab indents; Esc then Tab leaves the editor';

class LabCodeEditor extends HTMLElement {
  constructor() {
    super();
    this._value = '';
    this._diagnostics = [];
    this._timer = null;
    this._view = null;
    this._applying = false;
  }

  connectedCallback() {
    if (this._view) {
      return;
    }
    // The server may set properties before this element is defined; move them to the setters.
    for (const p of ['value', 'diagnostics', 'storageKey']) {
      if (Object.prototype.hasOwnProperty.call(this, p)) {
        const v = this[p];
        delete this[p];
        this[p] = v;
      }
    }
    this.style.display = 'flex';
    this.style.flexDirection = 'column';
    const readOnly = this.hasAttribute('readonly');
    const keys = keymap.of([
      { key: 'Mod-Enter', preventDefault: true, run: () => this._command('run-requested') },
      { key: 'Mod-s', preventDefault: true, run: () => this._command('save-requested') },
    ]);
    const theme = EditorView.theme({
      '&': { fontSize: '14px', border: '1px solid var(--lumo-contrast-20pct)' },
      '.cm-scroller': {
        fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
        overflow: 'auto',
      },
    });
    this._view = new EditorView({
      state: EditorState.create({
        doc: this._value,
        extensions: [
          keys,
          basicSetup,
          keymap.of([indentWithTab]),
          java(),
          lintGutter(),
          theme,
          // Set once, before the editor is made: code nobody may change (staff's review, an earlier
          // run). It stays focusable, so keyboard users can scroll, select and copy it.
          ...(readOnly ? [EditorState.readOnly.of(true)] : []),
          // The scroller (tabindex -1) scrolls; a checker sees the text box inside it take focus
          // only by its tabindex (contenteditable alone does not count), and Tab reaches it alike.
          EditorView.contentAttributes.of({ tabindex: '0' }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged && !this._applying) {
              this._changed();
            }
          }),
        ],
      }),
      // In a shadow root of its own: CodeMirror adopts its style sheets there, where nothing
      // else on the page replaces them (Vaadin manages the document's adopted sheets).
      parent: this._shadow(),
      root: this.shadowRoot,
    });
    this._view.contentDOM.setAttribute(
      'aria-label',
      readOnly ? 'Java source (read-only)' : 'Java source editor',
    );
    if (!readOnly) {
      const hint = document.createElement('div');
      hint.id = 'keys-hint';
      hint.className = 'keys-hint';
      hint.textContent = KEYS_HINT;
      this.shadowRoot.appendChild(hint);
      this._view.contentDOM.setAttribute('aria-describedby', hint.id);
    }
    this._applyDiagnostics();
    this._onHide = () => {
      if (document.visibilityState === 'hidden') {
        this._flush();
      }
    };
    document.addEventListener('visibilitychange', this._onHide);
    window.addEventListener('pagehide', this._onHide);
  }

  _shadow() {
    if (!this.shadowRoot) {
      const root = this.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent =
        ':host { display: flex; flex-direction: column; }' +
        ' .cm-editor { flex: 1 1 0; min-height: 0; }' +
        ' .keys-hint { flex: none; padding-top: 2px; font-size: var(--lumo-font-size-xs, 12px);' +
        ' color: var(--lumo-secondary-text-color, #555); }';
      root.appendChild(style);
    }
    return this.shadowRoot;
  }

  disconnectedCallback() {
    this._flush();
    document.removeEventListener('visibilitychange', this._onHide);
    window.removeEventListener('pagehide', this._onHide);
  }

  get value() {
    return this._view ? this._view.state.doc.toString() : this._value;
  }

  set value(text) {
    text = text == null ? '' : String(text);
    this._value = text;
    if (this._view && this._view.state.doc.toString() !== text) {
      this._applying = true;
      try {
        this._view.dispatch({ changes: { from: 0, to: this._view.state.doc.length, insert: text } });
      } finally {
        this._applying = false;
      }
      this._applyDiagnostics();
    }
  }

  /** JSON: [{line, column, severity, message}], lines and columns from 1 (0 = whole file). */
  set diagnostics(json) {
    try {
      this._diagnostics = json ? JSON.parse(json) : [];
    } catch (e) {
      this._diagnostics = [];
    }
    this._applyDiagnostics();
  }

  /** Where unsaved text is kept in this browser (set by the server: user and exercise). */
  set storageKey(key) {
    this._storageKey = key;
  }

  /** The text kept in this browser that the server has not confirmed, or null. */
  unsavedText() {
    if (!this._storageKey) {
      return null;
    }
    const raw = window.localStorage.getItem(this._storageKey);
    return raw == null ? null : raw;
  }

  /** The server stored the text: forget the local copy if nothing was typed since. */
  confirmSaved(text) {
    if (this._storageKey && window.localStorage.getItem(this._storageKey) === text) {
      window.localStorage.removeItem(this._storageKey);
    }
  }

  focusLine(line) {
    if (!this._view) {
      return;
    }
    const doc = this._view.state.doc;
    const l = doc.line(Math.max(1, Math.min(line, doc.lines)));
    this._view.dispatch({ selection: { anchor: l.from }, scrollIntoView: true });
    this._view.focus();
  }

  /** Flushes the text to the server together with a command (a button's run or submit). */
  command(name) {
    this._command(name);
  }

  _command(name) {
    this._flush();
    this.dispatchEvent(new CustomEvent(name, { detail: { value: this.value } }));
    return true;
  }

  _changed() {
    if (this._storageKey) {
      try {
        window.localStorage.setItem(this._storageKey, this.value);
      } catch (e) {
        // Storage full or disabled: the debounced save below still runs.
      }
    }
    clearTimeout(this._timer);
    this._timer = setTimeout(() => this._flush(), DEBOUNCE_MS);
    this._pending = true;
  }

  _flush() {
    clearTimeout(this._timer);
    if (this._pending) {
      this._pending = false;
      this.dispatchEvent(new CustomEvent('lab-change', { detail: { value: this.value } }));
    }
  }

  _applyDiagnostics() {
    if (!this._view) {
      return;
    }
    const doc = this._view.state.doc;
    const list = [];
    for (const d of this._diagnostics) {
      if (!d.line || d.line < 1 || d.line > doc.lines) {
        continue;
      }
      const line = doc.line(d.line);
      let from = line.from + Math.max(0, (d.column || 1) - 1);
      if (from > line.to) {
        from = line.to;
      }
      let to = from;
      const text = doc.sliceString(from, line.to);
      const word = /^[\w$]+/.exec(text);
      to = word ? from + word[0].length : Math.min(line.to, from + 1);
      if (to === from) {
        from = line.from;
        to = line.to;
      }
      list.push({
        from,
        to,
        severity: d.severity === 'warning' ? 'warning' : 'error',
        message: d.message,
      });
    }
    this._view.dispatch(setDiagnostics(this._view.state, list));
  }
}

customElements.define('lab-code-editor', LabCodeEditor);

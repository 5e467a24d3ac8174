package org.pruninglab.workspace.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.pruninglab.compile.Diagnostic;

/** The Java editor (CodeMirror 6, see {@code lab-code-editor.js}) as a Vaadin component. */
@Tag("lab-code-editor")
@NpmPackage(value = "codemirror", version = "6.0.2")
@NpmPackage(value = "@codemirror/view", version = "6.43.15")
@NpmPackage(value = "@codemirror/state", version = "6.7.6")
@NpmPackage(value = "@codemirror/commands", version = "6.11.1")
@NpmPackage(value = "@codemirror/lint", version = "6.9.8")
@NpmPackage(value = "@codemirror/lang-java", version = "6.0.2")
@JsModule("./lab-code-editor.js")
public class CodeEditor extends Component implements HasSize {

  private static final ObjectMapper JSON = new ObjectMapper();

  private String value = "";

  public CodeEditor() {
    setId("code-editor");
  }

  /** Shows the code without letting anyone change it; call before the editor is attached. */
  public void setReadOnly() {
    getElement().setAttribute("readonly", true);
  }

  public String getValue() {
    return value;
  }

  /** Replaces the editor's text (the browser keeps the cursor where it can). */
  public void setValue(String text) {
    value = text == null ? "" : text;
    getElement().setProperty("value", value);
    // Edits reach the server as events, not as this property, so the property may still hold this
    // very text while the browser shows newer text: then setProperty sends nothing. Set it there
    // too.
    getElement().executeJs("this.value = $0", value);
  }

  /** Underlines the compiler's messages at their line and column. */
  public void setDiagnostics(List<Diagnostic> diagnostics) {
    try {
      getElement()
          .setProperty(
              "diagnostics",
              JSON.writeValueAsString(
                  diagnostics.stream()
                      .map(
                          d ->
                              Map.of(
                                  "line", d.line(),
                                  "column", d.column(),
                                  "severity", d.severity(),
                                  "message", d.message()))
                      .toList()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The localStorage key under which this browser keeps text the server has not confirmed. */
  public void setStorageKey(String key) {
    getElement().setProperty("storageKey", key);
  }

  /** Tells the browser the server stored {@code text}, so its local copy can go. */
  public void confirmSaved(String text) {
    getElement().callJsFunction("confirmSaved", text);
  }

  public void focusLine(int line) {
    getElement().callJsFunction("focusLine", line);
  }

  /** The text changed (debounced in the browser, and at once when the tab is hidden). */
  public Registration addChangeListener(Consumer<String> listener) {
    return listen("lab-change", listener);
  }

  /** Ctrl/Cmd+Enter. */
  public Registration addRunListener(Consumer<String> listener) {
    return listen("run-requested", listener);
  }

  /**
   * Asks the browser for the current text and then fires {@code submit-requested} with it, so a
   * button acts on what is on screen, not on the last debounced save.
   */
  public void requestSubmit() {
    getElement().callJsFunction("command", "submit-requested");
  }

  /** As {@link #requestSubmit()}, for running the public tests. */
  public void requestRun() {
    getElement().callJsFunction("command", "run-requested");
  }

  public Registration addSubmitListener(Consumer<String> listener) {
    return listen("submit-requested", listener);
  }

  /** Ctrl/Cmd+S. */
  public Registration addSaveListener(Consumer<String> listener) {
    return listen("save-requested", listener);
  }

  /** Asks the browser for text it kept but the server never confirmed (null if none). */
  public void fetchUnsaved(Consumer<String> callback) {
    getElement()
        .callJsFunction("unsavedText")
        .then(String.class, callback::accept, error -> callback.accept(null));
  }

  private Registration listen(String event, Consumer<String> listener) {
    return getElement()
        .addEventListener(
            event,
            e -> {
              value = e.getEventData().getString("event.detail.value");
              listener.accept(value);
            })
        .addEventData("event.detail.value");
  }
}

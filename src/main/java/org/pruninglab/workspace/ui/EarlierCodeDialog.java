package org.pruninglab.workspace.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import java.time.ZoneId;
import java.util.function.Consumer;
import org.pruninglab.workspace.HistoryItem;

/**
 * Earlier code — what a run ran, or a draft that was replaced — read-only, beside the run's result
 * when it has one, so that the result's line numbers point into the code they are about.
 */
class EarlierCodeDialog extends Dialog {

  private final CodeEditor code = new CodeEditor();

  /**
   * @param item the run whose result to show beside the code, or null for a draft
   * @param restore asks to put this code into the editor (and may close this dialog)
   */
  EarlierCodeDialog(
      String title,
      String source,
      HistoryItem item,
      ZoneId zone,
      Consumer<EarlierCodeDialog> restore) {
    setId("earlier-code");
    setHeaderTitle(title);
    setWidth("min(1240px, 96vw)");
    setHeight("88vh");
    code.setId("earlier-code-editor");
    code.setReadOnly();
    code.setValue(source);
    Div left = new Div(code);
    left.addClassName("earlier-code-source");
    Div body = new Div(left);
    body.addClassName("earlier-code");
    if (item != null) {
      ResultPanel result = new ResultPanel("earlier-result", zone, code::focusLine);
      result.show(item);
      if (item.result() != null) {
        code.setDiagnostics(item.result().diagnostics());
      }
      // It scrolls beside the code, so it must take keyboard focus (WCAG 2.1.1).
      result.getElement().setAttribute("tabindex", "0");
      body.add(result);
    }
    add(body);
    Button restoreButton = new Button("Restore into editor", e -> restore.accept(this));
    restoreButton.setId("restore-into-editor");
    restoreButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    restoreButton.setTooltipText("Asks first; your current draft is kept under Earlier drafts");
    Button close = new Button("Close", e -> close());
    close.setId("earlier-code-close");
    getFooter().add(close, restoreButton);
  }

  /** Moves the read-only editor's cursor to {@code line} and scrolls it into view. */
  void focusLine(int line) {
    code.focusLine(line);
  }
}

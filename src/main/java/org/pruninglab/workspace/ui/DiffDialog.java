package org.pruninglab.workspace.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import java.util.List;
import java.util.Locale;
import org.pruninglab.workspace.LineDiff;

/** Two versions of a file side by side, changed lines marked. */
public class DiffDialog extends Dialog {

  public DiffDialog(String leftTitle, String left, String rightTitle, String right) {
    setHeaderTitle("Compare " + leftTitle + " with " + rightTitle);
    setWidth("min(1200px, 95vw)");
    setHeight("80vh");
    List<LineDiff.Row> rows = LineDiff.compare(left, right);
    Element table = new Element("table");
    table.setAttribute("id", "diff");
    table.getClassList().add("diff");
    Element head = new Element("tr");
    head.appendChild(new Element("th"), new Element("th").setText(leftTitle));
    head.appendChild(new Element("th"), new Element("th").setText(rightTitle));
    table.appendChild(head);
    for (LineDiff.Row r : rows) {
      Element tr = new Element("tr");
      tr.setAttribute("data-change", r.change().name().toLowerCase(Locale.ROOT));
      tr.appendChild(number(r.leftNumber()), code(r.left(), "left"));
      tr.appendChild(number(r.rightNumber()), code(r.right(), "right"));
      table.appendChild(tr);
    }
    Div body = new Div();
    body.getElement().appendChild(table);
    long changed = rows.stream().filter(r -> r.change() != LineDiff.Change.SAME).count();
    Div summary =
        new Div(
            changed == 0
                ? "The two files are identical."
                : changed == 1 ? "1 line differs." : changed + " lines differ.");
    summary.setId("diff-summary");
    add(summary, body);
    getFooter().add(new Button("Close", e -> close()));
  }

  private static Element number(int n) {
    Element td = new Element("td").setText(n == 0 ? "" : String.valueOf(n));
    td.getClassList().add("diff-line");
    return td;
  }

  private static Element code(String text, String side) {
    Element td = new Element("td").setText(text == null ? "" : text);
    td.getClassList().add("diff-code");
    td.getClassList().add(side);
    return td;
  }
}

package org.pruninglab.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.InputStreamDownloadHandler;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.pruninglab.account.IssuedPassword;

/**
 * The one chance to see, download or print just-issued one-time passwords. The list lives only in
 * this dialog: closing it drops the list, and the download links answer "gone" from then on.
 */
class IssuedPasswordsDialog extends Dialog {

  private final AtomicReference<List<IssuedPassword>> passwords;

  IssuedPasswordsDialog(String courseName, List<IssuedPassword> issued) {
    this.passwords = new AtomicReference<>(List.copyOf(issued));
    setId("issued-passwords");
    setHeaderTitle(
        issued.size() == 1 ? "One one-time password" : issued.size() + " one-time passwords");
    setWidth("min(56rem, 95vw)");
    setCloseOnOutsideClick(false);

    var once =
        new Paragraph(
            "Shown only now: the passwords are not stored in clear (only a hash of each is kept),"
                + " so this list, its CSV file and its printable sheet are gone once you close this"
                + " dialog. Download or print them now; a lost password can only be replaced by"
                + " issuing a new one. Each person must choose their own password at the first"
                + " sign-in.");
    once.setId("passwords-once");
    once.getStyle().set("margin-top", "0");

    var csv =
        new Anchor(
            download(list -> PasswordSheet.csv(list), "one-time-passwords.csv", "text/csv"),
            AttachmentType.DOWNLOAD,
            "");
    csv.add(VaadinIcon.DOWNLOAD.create(), new Span("Download CSV"));
    csv.setId("passwords-csv");
    csv.getStyle().set("display", "inline-flex").set("gap", "var(--lumo-space-xs)");
    var sheet =
        new Anchor(
            download(
                    list -> PasswordSheet.html(courseName, list),
                    "one-time-passwords.html",
                    "text/html;charset=utf-8")
                .inline(),
            AttachmentType.INLINE,
            "");
    sheet.add(VaadinIcon.PRINT.create(), new Span("Printable sheet"));
    sheet.setTarget(AnchorTarget.BLANK);
    sheet.setId("passwords-sheet");
    sheet.getStyle().set("display", "inline-flex").set("gap", "var(--lumo-space-xs)");
    var links = new HorizontalLayout(csv, sheet);
    links.setSpacing(true);
    links.getStyle().set("gap", "var(--lumo-space-l)");

    var grid = new Grid<IssuedPassword>();
    grid.setId("issued-passwords-grid");
    grid.addColumn(IssuedPassword::username).setHeader("Username").setAutoWidth(true);
    grid.addColumn(IssuedPassword::displayName).setHeader("Name").setFlexGrow(1);
    grid.addComponentColumn(
            p -> {
              var text = new Span(p.password());
              text.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
              return text;
            })
        .setHeader("One-time password")
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
    grid.setItems(issued);
    grid.setAllRowsVisible(issued.size() <= 8);
    if (issued.size() > 8) {
      grid.setHeight("20rem");
    }
    add(once, links, grid);

    var done = new Button("Done", e -> close());
    done.setId("passwords-done");
    done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(done);
    addOpenedChangeListener(
        e -> {
          if (!e.isOpened()) {
            passwords.set(null);
            grid.setItems(List.of());
          }
        });
  }

  private InputStreamDownloadHandler download(
      Function<List<IssuedPassword>, byte[]> render, String fileName, String contentType) {
    return DownloadHandler.fromInputStream(
        event -> {
          List<IssuedPassword> list = passwords.get();
          if (list == null) {
            return DownloadResponse.error(
                410, "These one-time passwords are gone; issue new ones if they were lost.");
          }
          byte[] bytes = render.apply(list);
          return new DownloadResponse(
              new ByteArrayInputStream(bytes), fileName, contentType, bytes.length);
        });
  }
}

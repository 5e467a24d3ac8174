package org.pruninglab.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import org.pruninglab.account.Account;
import org.pruninglab.account.AccountException;
import org.pruninglab.account.AccountProperties;
import org.pruninglab.account.AccountService;
import org.pruninglab.account.IssuedPassword;
import org.pruninglab.account.Role;
import org.pruninglab.account.RosterChange;
import org.pruninglab.account.RosterImportException;
import org.pruninglab.account.RosterImportService;
import org.pruninglab.account.RosterPlan;
import org.pruninglab.account.RosterProblem;
import org.pruninglab.base.LabProperties;

/**
 * The course roster. TAs look; instructors also import a CSV, add accounts, issue one-time
 * passwords and deactivate accounts. The services check the role again on every call.
 */
@Route("roster")
@PageTitle("Roster · Pruning Lab")
@Menu(title = "Roster", order = 50, icon = "vaadin:users")
@RolesAllowed({Role.TA_NAME, Role.INSTRUCTOR_NAME})
class RosterView extends Main {

  private final AccountService accounts;
  private final RosterImportService rosterImport;
  private final boolean instructor;
  private final Grid<Account> grid = new Grid<>(Account.class, false);
  private final TextField filter = new TextField();
  private final Div importPanel = new Div();
  private final Button issueSelected = new Button();
  private final Button issueNew = new Button();
  private final String courseName;
  private List<Account> all = List.of();

  RosterView(
      AccountService accounts,
      RosterImportService rosterImport,
      AccountProperties properties,
      LabProperties lab) {
    this.accounts = accounts;
    this.rosterImport = rosterImport;
    this.courseName = lab.courseName();
    this.instructor = accounts.currentAccount().map(a -> a.role() == Role.INSTRUCTOR).orElse(false);
    getStyle().set("padding", "var(--lumo-space-l)");
    add(new H2("Roster"));
    if (instructor) {
      add(toolbar((int) Math.min(Integer.MAX_VALUE, properties.roster().maxBytes())));
      importPanel.setId("import-panel");
      add(importPanel);
    }
    filter.setId("roster-filter");
    filter.setPlaceholder("Filter by name, email or role");
    filter.setClearButtonVisible(true);
    filter.setValueChangeMode(ValueChangeMode.LAZY);
    filter.setWidth("18rem");
    filter.addValueChangeListener(e -> applyFilter());
    if (instructor) {
      var bar = new HorizontalLayout(filter, issueSelected, issueNew);
      bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
      bar.setWrap(true);
      add(bar);
      configureBulkIssue();
    } else {
      add(filter);
    }
    configureGrid();
    add(grid);
    refresh();
  }

  private HorizontalLayout toolbar(int maxBytes) {
    var upload = new Upload();
    upload.setUploadHandler(
        UploadHandler.inMemory(
            (metadata, bytes) ->
                upload
                    .getUI()
                    .ifPresent(
                        ui ->
                            ui.access(
                                () -> {
                                  // Ready for the corrected file straight away.
                                  upload.clearFileList();
                                  preview(metadata.fileName(), bytes);
                                }))));
    upload.setId("roster-upload");
    upload.setAcceptedFileTypes(".csv", "text/csv");
    upload.setMaxFiles(1);
    upload.setMaxFileSize(maxBytes);
    upload.setDropAllowed(true);
    upload.setUploadButton(new Button("Import roster CSV…"));
    upload.addFileRejectedListener(
        e ->
            error(
                "The file was refused: "
                    + e.getErrorMessage()
                    + " A roster file may have at most "
                    + maxBytes
                    + " bytes and must be a .csv file."));
    var add = new Button("Add account", e -> new AccountDialog(accounts, this::refresh).open());
    add.setId("add-account");
    var help =
        new Paragraph(
            "Roster files are UTF-8 CSV with the columns username, display name, email and role"
                + " (STUDENT, TA or INSTRUCTOR); a header line is optional. A file with any problem"
                + " imports nothing; importing the same file again changes nothing.");
    help.getStyle()
        .set("color", "var(--lumo-secondary-text-color)")
        .set("font-size", "var(--lumo-font-size-s)")
        .set("max-width", "40rem")
        .set("margin", "0");
    upload.getStyle().set("flex-shrink", "0");
    var bar = new HorizontalLayout(upload, add, help);
    bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.START);
    return bar;
  }

  private void preview(String fileName, byte[] bytes) {
    importPanel.removeAll();
    RosterPlan plan;
    try {
      plan = rosterImport.preview(bytes);
    } catch (AccountException e) {
      error(e.getMessage());
      return;
    }
    importPanel.add(new H3("Import of " + fileName));
    if (!plan.problems().isEmpty()) {
      showProblems(plan.problems());
      return;
    }
    var summary =
        new Paragraph(
            plan.count(RosterChange.Kind.CREATE)
                + " new, "
                + plan.count(RosterChange.Kind.UPDATE)
                + " changed, "
                + plan.count(RosterChange.Kind.UNCHANGED)
                + " unchanged. Accounts not in the file stay as they are.");
    summary.setId("import-summary");
    var changes = new Grid<RosterChange>();
    changes.addColumn(RosterChange::line).setHeader("Line").setAutoWidth(true).setFlexGrow(0);
    changes.addColumn(c -> c.details().username()).setHeader("Username").setAutoWidth(true);
    changes.addColumn(c -> describe(c)).setHeader("What happens").setFlexGrow(1);
    changes.setItems(plan.changes());
    changes.setHeight("14rem");
    changes.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
    var apply = new Button("Import", e -> apply(bytes));
    apply.setId("apply-import");
    apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    apply.setEnabled(plan.importable());
    apply.setDisableOnClick(true);
    var cancel = new Button("Cancel", e -> importPanel.removeAll());
    importPanel.add(summary, changes, new HorizontalLayout(apply, cancel));
  }

  private void apply(byte[] bytes) {
    try {
      RosterPlan done = rosterImport.apply(bytes);
      importPanel.removeAll();
      var result =
          new Paragraph(
              "Imported: "
                  + done.count(RosterChange.Kind.CREATE)
                  + " created, "
                  + done.count(RosterChange.Kind.UPDATE)
                  + " updated, "
                  + done.count(RosterChange.Kind.UNCHANGED)
                  + " unchanged. New accounts have no password yet: issue one-time passwords"
                  + " from the list below.");
      result.setId("import-result");
      importPanel.add(result);
      refresh();
    } catch (RosterImportException e) {
      importPanel.removeAll();
      showProblems(e.problems());
    } catch (AccountException e) {
      error(e.getMessage());
    }
  }

  private void showProblems(List<RosterProblem> problems) {
    long lines =
        problems.stream().mapToInt(RosterProblem::line).filter(l -> l > 0).distinct().count();
    var heading =
        new Paragraph(
            "The file has "
                + problems.size()
                + (problems.size() == 1 ? " problem" : " problems")
                + (lines > 1 ? " on " + lines + " lines" : "")
                + ". Nothing was imported: fix the file and upload it again.");
    heading.setId("import-problems-heading");
    heading.getStyle().set("color", "var(--lumo-error-text-color)");
    var list = new Grid<RosterProblem>();
    list.setId("roster-problems");
    list.addColumn(p -> p.line() == 0 ? "—" : String.valueOf(p.line()))
        .setHeader("Line")
        .setAutoWidth(true)
        .setFlexGrow(0);
    list.addColumn(RosterProblem::message).setHeader("Problem").setFlexGrow(1);
    list.setItems(problems);
    list.setAllRowsVisible(problems.size() <= 20);
    if (problems.size() > 20) {
      list.setHeight("20rem");
    }
    // Long messages wrap rather than end in an ellipsis.
    list.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
    importPanel.add(heading, list);
    list.getStyle().set("margin-bottom", "var(--lumo-space-m)");
  }

  private static String describe(RosterChange change) {
    return switch (change.kind()) {
      case CREATE ->
          "create " + change.details().displayName() + " (" + change.details().role() + ")";
      case UPDATE -> "update: " + change.description();
      case UNCHANGED -> "unchanged";
    };
  }

  private void configureGrid() {
    grid.setId("roster-grid");
    // Auto width where a value is one word (usernames, emails); the rest wraps, so that all
    // columns fit beside the navigation at 1280 pixels.
    grid.addColumn(Account::username).setHeader("Username").setSortable(true).setAutoWidth(true);
    grid.addColumn(Account::displayName).setHeader("Name").setSortable(true).setWidth("6rem");
    grid.addColumn(Account::email).setHeader("Email").setSortable(true).setAutoWidth(true);
    grid.addColumn(a -> a.role().label()).setHeader("Role").setSortable(true).setWidth("6.5rem");
    grid.addColumn(RosterView::status).setHeader("Status").setSortable(true).setWidth("7rem");
    if (instructor) {
      grid.addComponentColumn(this::actions).setHeader("Actions").setAutoWidth(true).setFlexGrow(0);
      grid.setSelectionMode(Grid.SelectionMode.MULTI);
      grid.addSelectionListener(e -> updateBulkButtons());
    }
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
    grid.setHeight("32rem");
  }

  private static String status(Account a) {
    if (!a.active()) {
      return "Inactive";
    }
    if (!a.hasPassword()) {
      return "No password yet";
    }
    return a.mustChangePassword() ? "One-time password issued" : "Active";
  }

  private VerticalLayout actions(Account account) {
    var reset = new Button("Issue password", e -> confirmReset(account));
    reset.addThemeVariants(ButtonVariant.LUMO_SMALL);
    reset.setId("issue-password-" + account.username());
    var toggle =
        new Button(
            account.active() ? "Deactivate" : "Reactivate",
            e -> {
              try {
                if (account.active()) {
                  accounts.deactivate(account.id());
                } else {
                  accounts.reactivate(account.id());
                }
                refresh();
              } catch (AccountException ex) {
                error(ex.getMessage());
              }
            });
    toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    // Stacked: side by side they would push the grid wider than the page.
    var actions = new VerticalLayout(reset, toggle);
    actions.setPadding(false);
    actions.setSpacing(false);
    actions.getStyle().set("gap", "var(--lumo-space-xs)");
    return actions;
  }

  private void confirmReset(Account account) {
    var dialog = new ConfirmDialog();
    dialog.setHeader("Issue a one-time password to " + account.username() + "?");
    dialog.setText(
        "Any current password stops working. The person must choose a new password at their next"
            + " sign-in.");
    dialog.setCancelable(true);
    var confirm = new Button("Issue password");
    confirm.setId("confirm-issue-password");
    confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog.setConfirmButton(confirm);
    dialog.addConfirmListener(
        e -> {
          try {
            IssuedPassword issued = accounts.resetPassword(account.id());
            showIssued(issued);
            refresh();
          } catch (AccountException ex) {
            error(ex.getMessage());
          }
        });
    dialog.open();
  }

  private static void showIssued(IssuedPassword issued) {
    var dialog = new ConfirmDialog();
    dialog.setHeader("One-time password for " + issued.username());
    var password = new Span(issued.password());
    password.setId("issued-password");
    password.getStyle().set("font-family", "monospace").set("font-size", "var(--lumo-font-size-l)");
    dialog.setText(
        new Div(
            new Paragraph("Give this password to " + issued.username() + ". It is shown only now."),
            password));
    dialog.setConfirmText("Done");
    dialog.open();
  }

  private void refresh() {
    all = accounts.listAccounts();
    applyFilter();
    if (instructor) {
      grid.deselectAll();
      updateBulkButtons();
    }
  }

  private void configureBulkIssue() {
    issueSelected.setId("issue-selected");
    issueSelected.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    issueSelected.addClickListener(e -> confirmBulkIssue(List.copyOf(grid.getSelectedItems())));
    issueNew.setId("issue-new");
    issueNew.addClickListener(e -> confirmBulkIssue(withoutPassword()));
  }

  private List<Account> withoutPassword() {
    return all.stream().filter(a -> a.active() && !a.hasPassword()).toList();
  }

  private void updateBulkButtons() {
    int selected = grid.getSelectedItems().size();
    issueSelected.setText("Issue passwords to selected (" + selected + ")");
    issueSelected.setEnabled(selected > 0);
    int fresh = withoutPassword().size();
    issueNew.setText("Issue passwords to all new (" + fresh + ")");
    issueNew.setEnabled(fresh > 0);
  }

  private void confirmBulkIssue(List<Account> chosen) {
    if (chosen.isEmpty()) {
      return;
    }
    long withPassword = chosen.stream().filter(Account::hasPassword).count();
    var dialog = new ConfirmDialog();
    dialog.setHeader(
        "Issue one-time passwords to "
            + chosen.size()
            + (chosen.size() == 1 ? " account?" : " accounts?"));
    dialog.setText(
        (withPassword == 0
                ? ""
                : withPassword + " of them already have a password, which stops working. ")
            + "Each person must choose a new password at their next sign-in. The passwords are"
            + " shown once, in the next step, and never stored in clear.");
    dialog.setCancelable(true);
    var confirm =
        new Button("Issue " + chosen.size() + (chosen.size() == 1 ? " password" : " passwords"));
    confirm.setId("confirm-issue-passwords");
    confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog.setConfirmButton(confirm);
    dialog.addConfirmListener(
        e -> {
          try {
            List<IssuedPassword> issued =
                accounts.issuePasswords(chosen.stream().map(Account::id).toList());
            new IssuedPasswordsDialog(courseName, issued).open();
            refresh();
          } catch (AccountException ex) {
            error(ex.getMessage());
          }
        });
    dialog.open();
  }

  private void applyFilter() {
    String q = filter.getValue().strip().toLowerCase(Locale.ROOT);
    grid.setItems(
        q.isEmpty()
            ? all
            : all.stream()
                .filter(
                    a ->
                        (a.username() + " " + a.displayName() + " " + a.email() + " " + a.role())
                            .toLowerCase(Locale.ROOT)
                            .contains(q))
                .toList());
    // Auto widths are measured on the rows shown first; other rows may need more.
    grid.recalculateColumnWidths();
  }

  private static void error(String message) {
    Notification.show(message, 6000, Notification.Position.TOP_CENTER)
        .addThemeVariants(NotificationVariant.LUMO_ERROR);
  }
}

package org.pruninglab.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.pruninglab.account.Account;
import org.pruninglab.account.AccountException;
import org.pruninglab.account.AccountService;

/** Everyone changes their own password here; after a one-time password, they must. */
@Route("account/password")
@PageTitle("Change password · Pruning Lab")
@Menu(title = "Change password", order = 90, icon = "vaadin:key")
@PermitAll
class ChangePasswordView extends Main {

  private final AccountService accounts;
  private final PasswordField current = new PasswordField("Current password");
  private final PasswordField next = new PasswordField("New password");
  private final PasswordField repeat = new PasswordField("Repeat the new password");

  ChangePasswordView(AccountService accounts) {
    this.accounts = accounts;
    getStyle().set("padding", "var(--lumo-space-l)");
    Account me = accounts.currentAccount().orElseThrow();
    add(new H2("Change password"));
    if (me.mustChangePassword()) {
      var notice =
          new Paragraph(
              "You signed in with a one-time password. Choose a password of your own to go on.");
      notice.setId("must-change-notice");
      add(notice);
    }
    current.setId("current-password");
    next.setId("new-password");
    repeat.setId("repeat-password");
    next.setHelperText("At least 10 characters; not your username.");
    var save = new Button("Change password", e -> save());
    save.setId("change-password");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    var form = new VerticalLayout(current, next, repeat, save);
    form.setPadding(false);
    form.setMaxWidth("24rem");
    add(form);
  }

  private void save() {
    current.setInvalid(false);
    next.setInvalid(false);
    repeat.setInvalid(false);
    if (!next.getValue().equals(repeat.getValue())) {
      repeat.setErrorMessage("The two new passwords differ.");
      repeat.setInvalid(true);
      return;
    }
    try {
      accounts.changeOwnPassword(current.getValue(), next.getValue());
    } catch (AccountException e) {
      var field = e.getMessage().startsWith("The current") ? current : next;
      field.setErrorMessage(e.getMessage());
      field.setInvalid(true);
      return;
    }
    current.clear();
    next.clear();
    repeat.clear();
    Notification.show("Your password was changed.", 4000, Notification.Position.TOP_CENTER)
        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    getUI().ifPresent(ui -> ui.navigate(""));
  }
}

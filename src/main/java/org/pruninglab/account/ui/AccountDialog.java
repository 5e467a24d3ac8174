package org.pruninglab.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import org.pruninglab.account.AccountDetails;
import org.pruninglab.account.AccountException;
import org.pruninglab.account.AccountService;
import org.pruninglab.account.Role;

/** The instructor adds one account by hand. */
class AccountDialog extends Dialog {

  private final TextField username = new TextField("Username");
  private final TextField displayName = new TextField("Display name");
  private final EmailField email = new EmailField("Email");
  private final Select<Role> role = new Select<>();
  private final Paragraph error = new Paragraph();

  AccountDialog(AccountService accounts, Runnable onSaved) {
    setHeaderTitle("Add account");
    role.setLabel("Role");
    role.setItems(Role.values());
    role.setItemLabelGenerator(Role::label);
    role.setValue(Role.STUDENT);
    username.setId("new-username");
    displayName.setId("new-display-name");
    email.setId("new-email");
    error.setId("account-error");
    error.getStyle().set("color", "var(--lumo-error-text-color)");
    error.setVisible(false);
    add(error, new FormLayout(username, displayName, email, role));
    // A message about an old value would mislead once that value is changed.
    username.addValueChangeListener(e -> error.setVisible(false));
    displayName.addValueChangeListener(e -> error.setVisible(false));
    email.addValueChangeListener(e -> error.setVisible(false));
    role.addValueChangeListener(e -> error.setVisible(false));
    var save =
        new Button(
            "Add",
            e -> {
              try {
                accounts.create(
                    new AccountDetails(
                        username.getValue(),
                        displayName.getValue(),
                        email.getValue(),
                        role.getValue()));
                close();
                onSaved.run();
              } catch (IllegalArgumentException | AccountException ex) {
                error.setText(capitalise(ex.getMessage()));
                error.setVisible(true);
              }
            });
    save.setId("save-account");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(new Button("Cancel", e -> close()), save);
  }

  private static String capitalise(String message) {
    return message.isEmpty()
        ? message
        : Character.toUpperCase(message.charAt(0)) + message.substring(1);
  }
}

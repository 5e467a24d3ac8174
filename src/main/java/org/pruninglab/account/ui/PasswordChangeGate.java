package org.pruninglab.account.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.pruninglab.account.Account;
import org.pruninglab.account.AccountService;
import org.springframework.stereotype.Component;

/**
 * Before any page opens: a person signed in with a one-time password is sent to change it, and a
 * person whose account was deactivated meanwhile is signed out.
 */
@Component
class PasswordChangeGate implements VaadinServiceInitListener {

  private final AccountService accounts;
  private final AuthenticationContext authentication;

  PasswordChangeGate(AccountService accounts, AuthenticationContext authentication) {
    this.accounts = accounts;
    this.authentication = authentication;
  }

  @Override
  public void serviceInit(ServiceInitEvent event) {
    event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::check));
  }

  private void check(BeforeEnterEvent event) {
    Class<?> target = event.getNavigationTarget();
    if (target == LoginView.class || !authentication.isAuthenticated()) {
      return;
    }
    Account me = accounts.currentAccount().orElse(null);
    if (me == null || !me.active()) {
      authentication.logout();
      return;
    }
    if (me.mustChangePassword() && target != ChangePasswordView.class) {
      event.rerouteTo(ChangePasswordView.class);
    }
  }
}

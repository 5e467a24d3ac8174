package org.pruninglab.account.ui;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.pruninglab.account.SignInThrottledException;
import org.pruninglab.base.LabProperties;
import org.springframework.security.web.WebAttributes;

/**
 * The sign-in page. Every refusal reads the same ("incorrect username or password"), whether the
 * account exists or not; only throttling says so, because it applies to names that do not exist as
 * well.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Pruning Lab")
@AnonymousAllowed
class LoginView extends Main implements BeforeEnterObserver {

  static final String GENERIC_ERROR = "Incorrect username or password.";

  private final LoginForm form = new LoginForm();
  private final AuthenticationContext authentication;
  private final String title;

  LoginView(AuthenticationContext authentication, LabProperties properties) {
    this.authentication = authentication;
    this.title = properties.courseName();
    getStyle()
        .set("display", "flex")
        .set("flex-direction", "column")
        .set("align-items", "center")
        .set("justify-content", "center")
        .set("min-height", "100vh");
    form.setAction("login");
    form.setForgotPasswordButtonVisible(false);
    form.setI18n(i18n(title, GENERIC_ERROR));
    add(form);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    if (authentication.isAuthenticated()) {
      event.forwardTo("");
      return;
    }
    if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
      String message = GENERIC_ERROR;
      Object last =
          VaadinSession.getCurrent()
              .getSession()
              .getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
      if (last instanceof SignInThrottledException throttled) {
        message =
            "Too many failed attempts. Wait "
                + throttled.retryAfterMinutes()
                + " minute(s) and try again.";
      }
      form.setI18n(i18n(title, message));
      form.setError(true);
    }
  }

  private static LoginI18n i18n(String title, String errorMessage) {
    LoginI18n i18n = LoginI18n.createDefault();
    i18n.getForm().setTitle(title);
    i18n.getForm().setSubmit("Sign in");
    i18n.getErrorMessage().setTitle("Sign-in failed");
    i18n.getErrorMessage().setMessage(errorMessage);
    return i18n;
  }
}

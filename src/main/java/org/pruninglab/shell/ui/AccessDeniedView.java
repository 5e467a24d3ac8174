package org.pruninglab.shell.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import org.pruninglab.account.AccessLog;
import org.pruninglab.account.AccountService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shown when a signed-in person opens a page their role may not see (a student typing a staff
 * page's address, say). The refusal is logged; the server never rendered the page.
 */
@PermitAll
@ParentLayout(MainLayout.class)
class AccessDeniedView extends Main implements HasErrorParameter<AccessDeniedException> {

  private static final Logger log = LoggerFactory.getLogger(AccessDeniedView.class);

  private final AuthenticationContext authentication;
  private final AccountService accounts;
  private final AccessLog accessLog;

  AccessDeniedView(
      AuthenticationContext authentication, AccountService accounts, AccessLog accessLog) {
    this.authentication = authentication;
    this.accounts = accounts;
    this.accessLog = accessLog;
    getStyle().set("padding", "var(--lumo-space-l)");
  }

  @Override
  public int setErrorParameter(
      BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
    String path = event.getLocation().getPath().replaceAll("\\p{Cntrl}", "?");
    log.warn(
        "Access denied: {} may not open /{}",
        authentication.getPrincipalName().orElse("anonymous"),
        path);
    accounts.currentAccount().ifPresent(a -> accessLog.refused(a, "/" + path));
    removeAll();
    var heading = new H2("Access denied");
    heading.setId("access-denied");
    add(heading, new Paragraph("You do not have access to this page."));
    return HttpServletResponse.SC_FORBIDDEN;
  }
}

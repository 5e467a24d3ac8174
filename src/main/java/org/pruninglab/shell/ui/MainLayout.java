package org.pruninglab.shell.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.pruninglab.account.Account;
import org.pruninglab.account.AccountService;
import org.pruninglab.base.LabProperties;
import org.pruninglab.grading.GradingStatusService;

/**
 * The frame around every signed-in page. The navigation lists the {@code @Menu} views that the
 * signed-in person may open, as Vaadin's access control decides, so a feature adds its page without
 * this class knowing it. It loads {@code lab-checkbox-names.js} for every page: a grid's selection
 * checkboxes (history, roster) get their accessible names on the inputs that take focus.
 */
@JsModule("./lab-checkbox-names.js")
@Layout
@PermitAll
class MainLayout extends AppLayout {

  MainLayout(
      AuthenticationContext authentication,
      AccountService accounts,
      LabProperties properties,
      GradingStatusService grading) {
    var title = new Span(properties.courseName());
    title.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");

    var who = new Span(accounts.currentAccount().map(MainLayout::describe).orElse(""));
    who.setId("signed-in-as");
    who.getStyle().set("color", "var(--lumo-secondary-text-color)");
    var signOut = new Button("Sign out", e -> authentication.logout());
    signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    signOut.setId("sign-out");

    var header = new HorizontalLayout(new DrawerToggle(), title);
    if (grading.unsafeLocal()) {
      var unsafe = new Span("Unsafe local mode: submissions run without a sandbox");
      unsafe.setId("unsafe-local");
      unsafe.getElement().getThemeList().add("badge error primary");
      header.add(unsafe);
    }
    header.add(who, signOut);
    header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    header.expand(title);
    header.setWidthFull();
    header.getStyle().set("padding-right", "var(--lumo-space-m)");
    addToNavbar(header);

    var nav = new SideNav();
    nav.setId("main-nav");
    for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
      var item = new SideNavItem(entry.title(), entry.path());
      if (entry.icon() != null && !entry.icon().isBlank()) {
        item.setPrefixComponent(new Icon(entry.icon()));
      }
      nav.addItem(item);
    }
    addToDrawer(nav);
    setPrimarySection(Section.DRAWER);
  }

  private static String describe(Account account) {
    return account.displayName() + " · " + account.role().label();
  }
}

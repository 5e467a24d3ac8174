package org.pruninglab.shell.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.pruninglab.account.Account;
import org.pruninglab.account.AccountService;

/** The landing page after sign-in. */
@Route("")
@PageTitle("Home · Pruning Lab")
@Menu(title = "Home", order = 0, icon = "vaadin:home")
@PermitAll
class HomeView extends Main {

  HomeView(AccountService accounts) {
    getStyle().set("padding", "var(--lumo-space-l)").set("max-width", "60rem");
    Account me = accounts.currentAccount().orElseThrow();
    var heading = new H2("Welcome, " + me.displayName());
    heading.setId("welcome");
    add(heading);
    add(
        new Paragraph(
            "Pruning Lab is where you implement neural-network pruning in Java: magnitude"
                + " thresholds, mask-preserving fine-tuning and filter pruning, on real models"
                + " trained on Fashion-MNIST. Your code is compiled and graded by tests that run"
                + " it in a sandbox; every score and every pruning result is kept."));
    add(
        new Paragraph(
            "You are signed in as "
                + me.username()
                + " ("
                + me.role().label()
                + "). The pages you can open are listed on the left."));
  }
}

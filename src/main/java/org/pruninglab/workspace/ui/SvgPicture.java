package org.pruninglab.workspace.ui;

import com.vaadin.flow.component.html.Div;

/**
 * A server-drawn SVG (from the lab kit's {@code Svg}, which escapes every text it writes). Set as
 * inner HTML so the browser parses it as SVG (Vaadin's {@code Html} would lower-case viewBox).
 */
public class SvgPicture extends Div {

  public SvgPicture(String kind, String svg) {
    addClassName("picture");
    getElement().setAttribute("data-picture", kind);
    getElement().setProperty("innerHTML", svg);
  }
}

package org.pruninglab.workspace.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/** An exercise statement rendered from Markdown with KaTeX math (see {@code lab-markdown.js}). */
@Tag("lab-markdown")
@NpmPackage(value = "marked", version = "18.2.1")
@NpmPackage(value = "dompurify", version = "3.4.18")
@NpmPackage(value = "katex", version = "0.16.22")
@JsModule("./lab-markdown.js")
public class MarkdownView extends Component {

  public MarkdownView(String markdown) {
    getElement().setProperty("source", markdown == null ? "" : markdown);
    addClassName("statement");
  }
}

package org.pruninglab.browser;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.pruninglab.TestFiles;

/**
 * axe-core (WCAG 2.1 A and AA rules) run on a page. axe-core is no Maven artifact, so it comes from
 * the npm registry on first use, into {@code target/axe} (the build already needs npm).
 */
final class Axe {

  static final String VERSION = "4.10.3";

  private static String script;

  private Axe() {}

  /** One rule a page breaks, with the elements that break it. */
  record Violation(String page, String rule, String impact, List<String> nodes) {
    boolean seriousOrWorse() {
      return "serious".equals(impact) || "critical".equals(impact);
    }

    @Override
    public String toString() {
      return page + ": " + rule + " (" + impact + ") at " + String.join(" | ", nodes);
    }
  }

  /** Runs axe on what {@code page} shows now; {@code name} labels the violations found. */
  @SuppressWarnings("unchecked")
  static List<Violation> scan(Page page, String name) {
    if (page.evaluate("() => typeof window.axe").equals("undefined")) {
      page.addScriptTag(new Page.AddScriptTagOptions().setContent(script()));
    }
    List<Map<String, Object>> found =
        (List<Map<String, Object>>)
            page.evaluate(
                "async () => (await axe.run(document, {runOnly: {type: 'tag', values:"
                    + " ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations.map(v =>"
                    + " ({rule: v.id, impact: v.impact, nodes: v.nodes.map(n =>"
                    + " JSON.stringify(n.target) + ' ' + n.html.slice(0, 120))}))");
    List<Violation> out = new ArrayList<>();
    for (Map<String, Object> v : found) {
      out.add(
          new Violation(
              name,
              (String) v.get("rule"),
              (String) v.get("impact"),
              List.copyOf((List<String>) v.get("nodes"))));
    }
    return out;
  }

  private static synchronized String script() {
    if (script != null) {
      return script;
    }
    Path project = TestFiles.projectDir();
    Path prefix = project.resolve("target/axe");
    Path file = prefix.resolve("node_modules/axe-core/axe.min.js");
    try {
      if (!Files.isRegularFile(file)) {
        Files.createDirectories(prefix);
        Process npm =
            new ProcessBuilder(
                    "npm",
                    "install",
                    "--no-save",
                    "--no-audit",
                    "--no-fund",
                    "--prefix",
                    prefix.toString(),
                    "axe-core@" + VERSION)
                .redirectErrorStream(true)
                .start();
        String log = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0 || !Files.exists(file)) {
          throw new IllegalStateException("npm could not install axe-core:\n" + log);
        }
      }
      script = Files.readString(file);
      return script;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

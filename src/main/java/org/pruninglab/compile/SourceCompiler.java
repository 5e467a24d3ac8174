package org.pruninglab.compile;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.TypeElement;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources in this process with annotation processing off, so compiling runs no code
 * of the submission. Sources are given as text by file name ({@code lab/Foo.java}).
 */
public final class SourceCompiler {

  /**
   * Messages about one compilation; an empty error list means class files were written. {@code api}
   * describes what other code compiled against these classes can see of them (see {@link
   * ApiDescription}); null unless asked for, or when the sources do not compile.
   */
  public record Compilation(List<FileDiagnostic> diagnostics, String api) {
    public boolean succeeded() {
      return diagnostics.stream().noneMatch(d -> d.diagnostic().severity().equals("error"));
    }
  }

  /** A diagnostic and the file (as given) it is about, or null. */
  public record FileDiagnostic(String file, Diagnostic diagnostic) {}

  private final JavaCompiler javac;
  private final List<Path> classpath;

  public SourceCompiler(List<Path> classpath) {
    this.javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException(
          "no Java compiler in this runtime ("
              + System.getProperty("java.home")
              + "): grading needs a JDK, not a JRE");
    }
    this.classpath = List.copyOf(classpath);
  }

  public Compilation compile(Map<String, String> sources, List<Path> extraClasspath, Path output) {
    return compile(sources, extraClasspath, output, false);
  }

  /** As {@link #compile(Map, List, Path)}, with the classes' {@link Compilation#api()} if asked. */
  public Compilation compile(
      Map<String, String> sources, List<Path> extraClasspath, Path output, boolean describeApi) {
    DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
    List<TypeElement> types = new ArrayList<>();
    boolean generated;
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(collector, Locale.ROOT, StandardCharsets.UTF_8)) {
      Files.createDirectories(output);
      List<Path> cp = new ArrayList<>(extraClasspath);
      cp.addAll(classpath);
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(output));
      files.setLocationFromPaths(StandardLocation.CLASS_PATH, cp);
      List<JavaFileObject> units = new ArrayList<>();
      sources.forEach((name, text) -> units.add(new Source(name, text)));
      List<String> options =
          List.of(
              "-proc:none",
              "--release",
              "17",
              "-encoding",
              "UTF-8",
              "-g",
              "-Xmaxerrs",
              "50",
              "-Xlint:none",
              "-implicit:none");
      JavacTask task = (JavacTask) javac.getTask(null, files, collector, options, null, units);
      if (describeApi) {
        task.addTaskListener(
            new TaskListener() {
              @Override
              public void finished(TaskEvent e) {
                if (e.getKind() == TaskEvent.Kind.ANALYZE && e.getTypeElement() != null) {
                  types.add(e.getTypeElement());
                }
              }
            });
      }
      generated = task.call();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot compile into " + output, e);
    }
    List<FileDiagnostic> out = new ArrayList<>();
    for (var d : collector.getDiagnostics()) {
      String severity =
          switch (d.getKind()) {
            case ERROR -> "error";
            case WARNING, MANDATORY_WARNING -> "warning";
            default -> "note";
          };
      String file = d.getSource() instanceof Source s ? s.name : null;
      out.add(
          new FileDiagnostic(
              file,
              new Diagnostic(
                  Math.max(0, d.getLineNumber()),
                  Math.max(0, d.getColumnNumber()),
                  severity,
                  d.getMessage(Locale.ROOT))));
    }
    return new Compilation(out, describeApi && generated ? ApiDescription.of(types) : null);
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String name;
    private final String text;

    Source(String name, String text) {
      super(URI.create("string:///" + name), Kind.SOURCE);
      this.name = name;
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }
}

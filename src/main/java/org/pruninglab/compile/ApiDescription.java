package org.pruninglab.compile;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;

/**
 * Everything code in the same package can see of compiled classes, as one text: each type that is
 * not private, anonymous or local — its kind, modifiers, type parameters and supertypes — and each
 * of its members that is not private, with modifiers, generic type, thrown types and constant
 * value. Two sets of classes with the same description compile other code (the tests) to the same
 * class files, whatever their method bodies, private members and private helper classes: the grader
 * then reuses tests compiled once against the reference solution instead of compiling them for
 * every submission.
 */
final class ApiDescription {

  private ApiDescription() {}

  static String of(List<TypeElement> topLevel) {
    Set<String> lines = new TreeSet<>();
    for (TypeElement t : topLevel) {
      describe(t, lines);
    }
    return String.join("\n", lines);
  }

  private static void describe(TypeElement t, Set<String> out) {
    if (t.getModifiers().contains(Modifier.PRIVATE)
        || t.getNestingKind() == NestingKind.ANONYMOUS
        || t.getNestingKind() == NestingKind.LOCAL) {
      return; // nothing outside the class can name it
    }
    String name = t.getQualifiedName().toString();
    out.add(
        "type "
            + name
            + " "
            + t.getKind()
            + " "
            + t.getModifiers()
            + " "
            + typeParameters(t.getTypeParameters())
            + " extends "
            + t.getSuperclass()
            + " implements "
            + t.getInterfaces());
    for (Element e : t.getEnclosedElements()) {
      if (e instanceof TypeElement nested) {
        describe(nested, out);
      } else if (!e.getModifiers().contains(Modifier.PRIVATE)) {
        out.add(member(name, e));
      }
    }
  }

  private static String member(String owner, Element e) {
    String head = e.getKind() + " " + owner + "." + e.getSimpleName() + " " + e.getModifiers();
    if (e instanceof ExecutableElement m) {
      return head
          + " "
          + typeParameters(m.getTypeParameters())
          + " "
          + m.asType()
          + " throws "
          + m.getThrownTypes()
          + (m.isVarArgs() ? " varargs" : "")
          + (m.getDefaultValue() != null ? " default " + m.getDefaultValue() : "");
    }
    if (e instanceof VariableElement v) {
      Object constant = v.getConstantValue();
      return head + " " + v.asType() + (constant != null ? " = " + constantText(constant) : "");
    }
    return head + " " + e.asType();
  }

  private static String typeParameters(List<? extends TypeParameterElement> parameters) {
    return parameters.stream()
        .map(p -> p.getSimpleName() + " extends " + p.getBounds())
        .collect(Collectors.joining(", ", "<", ">"));
  }

  /** Constants are inlined into the code that uses them: the exact value and its type count. */
  private static String constantText(Object constant) {
    if (constant instanceof Float f) {
      return "float " + Float.floatToRawIntBits(f);
    }
    if (constant instanceof Double d) {
      return "double " + Double.doubleToRawLongBits(d);
    }
    if (constant instanceof String text) {
      // One line per member: line breaks in a string constant must not fake another member.
      return "String \""
          + text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")
          + "\"";
    }
    if (constant instanceof Character c) {
      return "char " + (int) c;
    }
    return constant.getClass().getSimpleName() + " " + constant;
  }
}

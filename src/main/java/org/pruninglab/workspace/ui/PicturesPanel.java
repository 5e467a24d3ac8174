package org.pruninglab.workspace.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.pruninglab.grading.DeviceLabel;
import org.pruninglab.grading.RecordedPicture;
import org.pruninglab.grading.harness.ResultNames;
import org.pruninglab.labkit.pictures.Histogram;
import org.pruninglab.labkit.pictures.LineChart;
import org.pruninglab.labkit.pictures.SparsityCurve;
import org.pruninglab.labkit.pictures.Svg;
import org.pruninglab.workspace.ShownResult;

/**
 * What the student's pruning did to the model: a chosen layer's weight histogram before and after,
 * its mask, the first conv layer's kernels, accuracy against sparsity for their runs, every curve
 * the tests recorded (a {@link LineChart} each: per-layer sensitivity, sparsity per round or per
 * step), and a table of the numbers the tests recorded.
 */
public class PicturesPanel extends Div {

  public PicturesPanel() {
    setId("pictures");
    add(new Paragraph("Pictures appear when a graded run has recorded them."));
  }

  public void show(ShownResult result, List<SparsityCurve> curves) {
    removeAll();
    List<RecordedPicture> pictures = result == null ? List.of() : result.pictures();
    Map<String, RecordedPicture> byName = new LinkedHashMap<>();
    pictures.forEach(p -> byName.put(p.name(), p));
    List<String> layers = new ArrayList<>();
    for (String name : byName.keySet()) {
      if (name.endsWith(ResultNames.BEFORE) && byName.containsKey(ResultNames.after(stem(name)))) {
        layers.add(stem(name));
      }
    }
    if (result != null && !result.metrics().isEmpty()) {
      add(new H4("Numbers"), metricsTable(result.metrics()));
    }
    if (!layers.isEmpty()) {
      add(new H4("Weights of a layer, before and after pruning"));
      Select<String> layer = new Select<>();
      layer.setId("picture-layer");
      layer.setLabel("Layer");
      layer.setItems(layers);
      Div layerPictures = new Div();
      layerPictures.addClassName("picture-row");
      layer.addValueChangeListener(e -> showLayer(layerPictures, byName, e.getValue()));
      add(layer, layerPictures);
      layer.setValue(layers.contains("fc1.weight") ? "fc1.weight" : layers.get(0));
    }
    Optional<RecordedPicture> before = Optional.ofNullable(byName.get(ResultNames.KERNELS_BEFORE));
    Optional<RecordedPicture> after = Optional.ofNullable(byName.get(ResultNames.KERNELS_AFTER));
    if (before.isPresent() || after.isPresent()) {
      add(new H4("First convolution's kernels (magnitude), before and after"));
      Div row = new Div();
      row.addClassName("picture-row");
      before
          .flatMap(RecordedPicture::kernels)
          .ifPresent(k -> row.add(new SvgPicture("kernels", Svg.kernelMaps(k))));
      after
          .flatMap(RecordedPicture::kernels)
          .ifPresent(k -> row.add(new SvgPicture("kernels", Svg.kernelMaps(k))));
      add(row);
    }
    if (!curves.isEmpty()) {
      add(new H4("Accuracy against sparsity, your latest graded runs (no fine-tuning)"));
      SvgPicture curve = new SvgPicture("curve", Svg.accuracyVsSparsity(curves));
      curve.getElement().setAttribute("data-curves", String.valueOf(curves.size()));
      add(curve);
    }
    List<LineChart> charts =
        pictures.stream().map(RecordedPicture::chart).flatMap(Optional::stream).toList();
    if (!charts.isEmpty()) {
      add(new H4(charts.size() == 1 ? "A curve the tests recorded" : "Curves the tests recorded"));
      Div row = new Div();
      row.addClassName("picture-row");
      row.setId("charts");
      for (LineChart chart : charts) {
        SvgPicture picture = new SvgPicture("chart", Svg.lineChart(chart));
        picture.getElement().setAttribute("data-title", chart.title());
        picture.getElement().setAttribute("data-series", String.valueOf(chart.series().size()));
        row.add(picture);
      }
      add(row);
    }
    if (getComponentCount() == 0) {
      add(
          new Paragraph(
              "This run recorded no pictures. The tests that measure a trained model record them"
                  + " (in this exercise they run with a submission)."));
    }
  }

  private static void showLayer(Div target, Map<String, RecordedPicture> byName, String layer) {
    target.removeAll();
    if (layer == null) {
      return;
    }
    Optional.ofNullable(byName.get(ResultNames.before(layer)))
        .flatMap(RecordedPicture::histogram)
        .ifPresent(h -> target.add(histogram(h, "before")));
    Optional.ofNullable(byName.get(ResultNames.after(layer)))
        .flatMap(RecordedPicture::histogram)
        .ifPresent(h -> target.add(histogram(h, "after")));
    Optional.ofNullable(byName.get(ResultNames.mask(layer)))
        .flatMap(RecordedPicture::mask)
        .ifPresent(m -> target.add(new SvgPicture("mask", Svg.maskBitmap(m))));
  }

  private static SvgPicture histogram(Histogram h, String when) {
    SvgPicture p = new SvgPicture("histogram", Svg.histogram(h));
    p.getElement().setAttribute("data-when", when);
    p.getElement().setAttribute("data-bins", String.valueOf(h.bins()));
    p.getElement().setAttribute("data-zeros", String.valueOf(h.zeros()));
    return p;
  }

  private static Div metricsTable(Map<String, Object> metrics) {
    Element table = new Element("table");
    table.setAttribute("id", "metrics-table");
    // The listed metrics in their order, then whatever else the pack's tests recorded, by name.
    List<ResultNames.Metric> shown = new ArrayList<>();
    ResultNames.METRICS.stream().filter(m -> metrics.containsKey(m.name())).forEach(shown::add);
    metrics.keySet().stream()
        .filter(name -> ResultNames.METRICS.stream().noneMatch(m -> m.name().equals(name)))
        .sorted()
        .map(ResultNames::describe)
        .forEach(shown::add);
    for (ResultNames.Metric m : shown) {
      Object v = metrics.get(m.name());
      Element tr = new Element("tr");
      tr.appendChild(new Element("th").setText(m.label()));
      tr.appendChild(new Element("td").setText(format(v, m.unit())));
      tr.setAttribute("data-metric", m.name());
      table.appendChild(tr);
    }
    Div box = new Div();
    box.getElement().appendChild(table);
    return box;
  }

  private static String format(Object v, ResultNames.Unit unit) {
    if (unit == ResultNames.Unit.DEVICE) {
      return DeviceLabel.of(String.valueOf(v));
    }
    if (!(v instanceof Number n)) {
      return String.valueOf(v);
    }
    double d = n.doubleValue();
    return switch (unit) {
      case FRACTION -> String.format(Locale.ROOT, "%.2f %%", 100 * d);
      case BITS -> String.format(Locale.ROOT, "%,.0f bits (%.1f KiB)", d, d / 8 / 1024);
      case NUMBER -> String.format(Locale.ROOT, "%.4g", d);
      case MILLISECONDS -> String.format(Locale.ROOT, "%.3g ms", d);
      default -> String.format(Locale.ROOT, "%,.0f", d);
    };
  }

  private static String stem(String name) {
    return name.substring(0, name.lastIndexOf('.'));
  }
}

package org.pruninglab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pruninglab.labkit.pictures.SeedPictures;
import org.pruninglab.labkit.repro.Reproduction;
import org.pruninglab.labkit.repro.ReproductionSettings;

/**
 * {@code java -jar pruning-lab.jar pictures [--smoke] [--checkpoints DIR] [--out DIR]}: writes the
 * lab's pictures of the pre-trained seed models as SVG files and an index.html that shows them.
 */
public final class PicturesCommand {

  private PicturesCommand() {}

  public static int run(List<String> args) throws IOException {
    String problem = Options.problem(args, Set.of("--smoke"), Set.of("--checkpoints", "--out"));
    if (problem != null) {
      System.err.println("pictures: " + problem);
      return 2;
    }
    Path checkpoints = Path.of(Options.value(args, "--checkpoints", "data/checkpoints"));
    Path out = Path.of(Options.value(args, "--out", "data/pictures"));
    ReproductionSettings settings =
        args.contains("--smoke")
            ? ReproductionSettings.smoke(checkpoints)
            : ReproductionSettings.full(checkpoints, false);
    Files.createDirectories(out);
    Reproduction reproduction = new Reproduction(settings, System.out::println);
    Map<String, String> written = SeedPictures.render(reproduction);
    for (var file : written.entrySet()) {
      Files.writeString(out.resolve(file.getKey()), file.getValue());
    }
    StringBuilder html =
        new StringBuilder(
            "<!doctype html><meta charset='utf-8'><title>Pruning Lab pictures</title><body>\n");
    written.keySet().forEach(f -> html.append("<p><img src='").append(f).append("'></p>\n"));
    Files.writeString(out.resolve("index.html"), html.append("</body>\n").toString());
    System.out.println("wrote " + written.size() + " pictures and index.html to " + out);
    return 0;
  }
}

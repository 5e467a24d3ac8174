package org.pruninglab.base;

import java.nio.file.Path;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lab-wide settings under {@code lab.*}.
 *
 * @param dataDir where the lab keeps everything it stores (the H2 database lives in {@code
 *     dataDir/db}); relative paths resolve against the working directory
 * @param courseName the course name shown in the page header
 * @param timeZone the course's time zone: deadlines and times are shown in it (stored as instants)
 */
@ConfigurationProperties("lab")
public record LabProperties(
    @DefaultValue("./data") Path dataDir,
    @DefaultValue("Pruning Lab") String courseName,
    @DefaultValue("UTC") ZoneId timeZone) {

  public LabProperties {
    if (courseName == null || courseName.isBlank()) {
      throw new IllegalArgumentException("lab.course-name must not be blank");
    }
  }
}

package org.pruninglab.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the demo course (profile {@code demo}) under {@code lab.demo.*}.
 *
 * @param extraStudents more demo students, {@code student001} … with the password {@code
 *     demo-student}, for load tests (0–1000)
 */
@ConfigurationProperties("lab.demo")
public record DemoProperties(@DefaultValue("0") int extraStudents) {

  public DemoProperties {
    if (extraStudents < 0 || extraStudents > 1000) {
      throw new IllegalArgumentException(
          "lab.demo.extra-students must be between 0 and 1000, not " + extraStudents);
    }
  }
}

package org.pruninglab;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the Pruning Lab web application. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PruningLabApplication {

  public static void main(String[] args) {
    SpringApplication.run(PruningLabApplication.class, args);
  }
}

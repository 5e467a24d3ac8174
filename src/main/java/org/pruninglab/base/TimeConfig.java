package org.pruninglab.base;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for every timestamp and deadline, so tests can replace it. */
@Configuration(proxyBeanMethods = false)
class TimeConfig {

  /** Tests that move time register their own clock before the context starts. */
  @Bean
  @ConditionalOnMissingBean(Clock.class)
  Clock clock() {
    return Clock.systemUTC();
  }
}

package org.pruninglab.account;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Web security: Vaadin's navigation access control, form sign-in at {@code /login}, and method
 * security so that services check roles themselves, whatever the UI shows.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfig {

  /** The sign-in page's path; a string so that this package needs nothing from the UI. */
  static final String LOGIN_PATH = "/login";

  /** The web part: only where there is a web server (a grading worker has none). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication
  @EnableWebSecurity
  @Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
  static class Web {

    /**
     * Health for anyone (load balancers, compose health checks); metrics for instructors only, with
     * HTTP basic sign-in so that a metrics scraper can use an instructor account.
     */
    @Bean
    @Order(1)
    SecurityFilterChain actuatorFilterChain(HttpSecurity http) throws Exception {
      return http.securityMatcher("/actuator/**")
          .authorizeHttpRequests(
              requests ->
                  requests
                      .requestMatchers("/actuator/health", "/actuator/health/**")
                      .permitAll()
                      .anyRequest()
                      .hasRole(Role.INSTRUCTOR.name()))
          // Status codes written directly: an error dispatch would reach the pages' chain, which
          // answers with a redirect to the sign-in page instead of 401/403.
          .httpBasic(
              basic ->
                  basic
                      .authenticationDetailsSource(HttpBasicDetails::new)
                      .authenticationEntryPoint(
                          (request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Basic realm=\"Pruning Lab\"");
                            response.setStatus(401);
                          }))
          .exceptionHandling(
              handling ->
                  handling.accessDeniedHandler((request, response, e) -> response.setStatus(403)))
          .csrf(csrf -> csrf.disable())
          .sessionManagement(
              session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
          .build();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
      http.headers(
          headers ->
              headers
                  .frameOptions(frame -> frame.deny())
                  .referrerPolicy(
                      ref ->
                          ref.policy(
                              org.springframework.security.web.header.writers
                                  .ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
      return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LOGIN_PATH))
          .build();
    }
  }

  /**
   * The one way to authenticate. Declared as the manager (not just a provider) so that Spring Boot
   * adds no default user and no provider runs twice for one attempt.
   */
  @Bean
  AuthenticationManager authenticationManager(ThrottledAuthenticationProvider provider) {
    return new ProviderManager(provider);
  }

  /** bcrypt today; the {@code {id}} prefix lets stored hashes move to a newer scheme later. */
  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }
}

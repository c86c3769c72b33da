package gov.suggestions.reporting.config;

import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;

/** Charts are drawn with AWT on a server without a display: switch AWT to headless before anything draws. */
public class HeadlessAwt {

    void onStart(@Observes StartupEvent start) {
        System.setProperty("java.awt.headless", "true");
    }
}

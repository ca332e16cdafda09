package cn.linkage.hub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The linkage hub: one jar serving the gRPC API over an event store in MongoDB. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HubApplication {

    public static void main(String[] args) {
        // The machines have no internet: Axon's update checker would only wait and log.
        System.setProperty("axoniq.update-checker.disabled", "true");
        var context = SpringApplication.run(HubApplication.class, args);
        if (!"serve".equals(context.getEnvironment().getProperty("linkage.mode", "serve"))) {
            // One-shot modes (verify) end here with their own exit code.
            System.exit(SpringApplication.exit(context));
        }
    }
}

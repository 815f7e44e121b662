package io.arcnode.sink.s3.internal;

import org.apache.catalina.connector.Connector;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Added to S3Mock's Spring context ({@code spring.main.sources}): its extra plain-HTTP connector ignores
 * {@code server.address}, so every Tomcat connector is bound to 127.0.0.1 here, never to all interfaces.
 */
public class LoopbackConnectors implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof Connector connector) {
            connector.setProperty("address", "127.0.0.1");
        }
        return bean;
    }
}

package io.arcnode.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EndpointAnnouncerTest {

    @Test
    void wildcardHostIsShownAsLocalhost() {
        assertEquals("http://localhost:8080/health/ready", EndpointAnnouncer.healthUrl("http://0.0.0.0:8080/"));
    }

    @Test
    void firstOfSeveralEndpointsAndMissingSlash() {
        assertEquals("http://10.0.0.5:9000/health/ready",
                EndpointAnnouncer.healthUrl(new String[] { "http://10.0.0.5:9000", "http://[::1]:9000/" }));
    }
}

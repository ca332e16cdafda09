package cn.linkage.command.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/** Jackson 2 with java.time support: XStream, Axon's default, does not work on Java 17. */
public final class TestSerializers {

    private TestSerializers() {
    }

    public static Serializer jackson() {
        return JacksonSerializer.builder()
                                .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule()))
                                .build();
    }
}

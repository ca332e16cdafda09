package cn.linkage.connectors.sdk;

import cn.linkage.proto.v1.Delivery;

/** Processes one delivery. Returning acknowledges it; throwing stops the subscription's progress there. */
@FunctionalInterface
public interface DeliveryHandler {

    void handle(Delivery delivery) throws Exception;
}

package cn.linkage.api.command;

import cn.linkage.api.Actor;
import cn.linkage.api.RequestId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The supervision office publishes a new version of the diversion catalogue. The whole file travels
 * with the command so the revision event holds exactly the rules that applied from then on.
 *
 * @param catalogueId always {@link #CATALOGUE}: the city has one catalogue history
 */
public record ReviseCatalogueCommand(@TargetAggregateIdentifier String catalogueId, RequestId requestId, Actor actor,
                                     String catalogueText, String note) {

    public static final String CATALOGUE = "diversion-catalogue";
}

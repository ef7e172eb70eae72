package dev.cinema.elasticsearch;

import org.elasticsearch.Build;
import org.elasticsearch.client.internal.node.NodeClient;
import org.elasticsearch.cluster.ClusterState;
import org.elasticsearch.cluster.metadata.Metadata;
import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.IndexVersion;
import org.elasticsearch.node.Node;
import org.elasticsearch.rest.BaseRestHandler;
import org.elasticsearch.rest.RestRequest;
import org.elasticsearch.rest.RestResponse;
import org.elasticsearch.rest.RestStatus;
import org.elasticsearch.xcontent.XContentBuilder;

import java.util.List;
import java.util.function.Supplier;

import static org.elasticsearch.rest.RestRequest.Method.GET;
import static org.elasticsearch.rest.RestRequest.Method.HEAD;

/**
 * {@code GET /} and {@code HEAD /}: the body of the rest-root module's {@code MainResponse}, field for field, so that
 * elasticsearch-java's {@code info()} (which requires every field of {@code version}) and health indicators parse it.
 * Answered from the local cluster state, without a transport action, as the real one does.
 */
final class RestRootAction extends BaseRestHandler {

    private final String nodeName;
    private final Supplier<ClusterService> clusterService;

    RestRootAction(Settings settings, Supplier<ClusterService> clusterService) {
        this.nodeName = Node.NODE_NAME_SETTING.get(settings);
        this.clusterService = clusterService;
    }

    @Override
    public String getName() {
        return "cinema_main_action";
    }

    @Override
    public List<Route> routes() {
        return List.of(new Route(GET, "/"), new Route(HEAD, "/"));
    }

    @Override
    public boolean canTripCircuitBreaker() {
        return false;
    }

    @Override
    protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) {
        ClusterState state = clusterService.get().state();
        String clusterUuid = state.metadata().clusterUUIDCommitted() ? state.metadata().clusterUUID() : Metadata.UNKNOWN_CLUSTER_UUID;
        Build build = Build.current();
        return channel -> {
            XContentBuilder body = channel.newBuilder();
            if (request.hasParam("pretty") == false) {
                body.prettyPrint().lfAtEnd(); // the real one pretty-prints unless told not to
            }
            body.startObject()
                .field("name", nodeName)
                .field("cluster_name", state.getClusterName().value())
                .field("cluster_uuid", clusterUuid)
                .startObject("version")
                .field("number", build.qualifiedVersion())
                .field("build_flavor", "default")
                .field("build_type", build.type().displayName())
                .field("build_hash", build.hash())
                .field("build_date", build.date())
                .field("build_snapshot", build.isSnapshot())
                .field("lucene_version", IndexVersion.current().luceneVersion().toString())
                .field("minimum_wire_compatibility_version", build.minWireCompatVersion())
                .field("minimum_index_compatibility_version", build.minIndexCompatVersion())
                .endObject()
                .field("tagline", "You Know, for Search")
                .endObject();
            // For HEAD the HTTP layer sends the headers only.
            channel.sendResponse(new RestResponse(RestStatus.OK, body));
        };
    }
}

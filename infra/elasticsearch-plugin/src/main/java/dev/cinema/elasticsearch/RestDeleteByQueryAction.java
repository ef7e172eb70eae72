package dev.cinema.elasticsearch;

import org.elasticsearch.action.ActionListener;
import org.elasticsearch.action.bulk.BulkItemResponse;
import org.elasticsearch.action.bulk.BulkRequest;
import org.elasticsearch.action.bulk.BulkResponse;
import org.elasticsearch.action.delete.DeleteRequest;
import org.elasticsearch.action.search.ClearScrollRequest;
import org.elasticsearch.action.search.SearchRequest;
import org.elasticsearch.action.search.SearchResponse;
import org.elasticsearch.action.search.SearchScrollRequest;
import org.elasticsearch.action.search.ShardSearchFailure;
import org.elasticsearch.action.support.IndicesOptions;
import org.elasticsearch.action.support.WriteRequest;
import org.elasticsearch.client.internal.node.NodeClient;
import org.elasticsearch.common.Strings;
import org.elasticsearch.common.document.DocumentField;
import org.elasticsearch.core.TimeValue;
import org.elasticsearch.index.query.AbstractQueryBuilder;
import org.elasticsearch.index.query.MatchAllQueryBuilder;
import org.elasticsearch.index.query.QueryBuilder;
import org.elasticsearch.rest.BaseRestHandler;
import org.elasticsearch.rest.RestChannel;
import org.elasticsearch.rest.RestRequest;
import org.elasticsearch.rest.RestResponse;
import org.elasticsearch.rest.RestStatus;
import org.elasticsearch.search.SearchHit;
import org.elasticsearch.search.builder.SearchSourceBuilder;
import org.elasticsearch.xcontent.ToXContent;
import org.elasticsearch.xcontent.XContentBuilder;
import org.elasticsearch.xcontent.XContentParser;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.elasticsearch.rest.RestRequest.Method.POST;

/**
 * {@code POST /{index}/_delete_by_query}, the reindex module's API, done the way that module does it in one slice:
 * scroll over the matching documents (no source, with sequence numbers, in {@code _doc} order) and delete each page
 * with a bulk request conditioned on the sequence number seen, so a document changed meanwhile is a version conflict,
 * not a lost update. The answer has the fields of the real one ({@code deleted}, {@code total}, {@code failures}…).
 * Runs synchronously only ({@code wait_for_completion=false} is refused); throttling and slicing parameters are
 * accepted and ignored (they only change speed).
 */
final class RestDeleteByQueryAction extends BaseRestHandler {

    @Override
    public String getName() {
        return "cinema_delete_by_query_action";
    }

    @Override
    public List<Route> routes() {
        return List.of(new Route(POST, "/{index}/_delete_by_query"));
    }

    @Override
    protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) throws IOException {
        // Everything is read here: the request body is released once this method returns.
        String[] indices = Strings.splitStringByCommaToArray(request.param("index"));
        QueryBuilder query = new MatchAllQueryBuilder();
        int maxDocs = -1;
        if (request.hasContentOrSourceParam()) {
            try (XContentParser parser = request.contentOrSourceParamParser()) {
                parser.nextToken(); // START_OBJECT
                while (parser.nextToken() == XContentParser.Token.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    switch (field) {
                        case "query" -> query = AbstractQueryBuilder.parseTopLevelQuery(parser);
                        case "max_docs" -> maxDocs = parser.intValue();
                        default -> throw new IllegalArgumentException("[_delete_by_query] unsupported body field [" + field + "]");
                    }
                }
            }
        }
        maxDocs = request.paramAsInt("max_docs", maxDocs);
        String conflicts = request.param("conflicts", "abort");
        if (conflicts.equals("abort") == false && conflicts.equals("proceed") == false) {
            throw new IllegalArgumentException("conflicts may only be \"proceed\" or \"abort\" but was [" + conflicts + "]");
        }
        if (request.paramAsBoolean("wait_for_completion", true) == false) {
            throw new IllegalArgumentException("[_delete_by_query] runs synchronously here: wait_for_completion=false is not supported");
        }
        for (String ignored : List.of("requests_per_second", "slices", "timeout", "wait_for_active_shards", "search_timeout")) {
            request.param(ignored);
        }
        int scrollSize = request.paramAsInt("scroll_size", 1000);
        SearchRequest search = new SearchRequest(indices)
            .indicesOptions(IndicesOptions.fromRequest(request, SearchRequest.DEFAULT_INDICES_OPTIONS))
            .routing(request.param("routing"))
            .scroll(request.paramAsTime("scroll", TimeValue.timeValueMinutes(5)))
            .source(new SearchSourceBuilder()
                .query(query)
                .size(maxDocs >= 0 ? Math.min(scrollSize, maxDocs) : scrollSize)
                .fetchSource(false)
                .seqNoAndPrimaryTerm(true)
                .trackTotalHits(true)
                .sort("_doc"));
        Run run = new Run(client, search, maxDocs, conflicts.equals("proceed"), request.paramAsBoolean("refresh", false));
        return channel -> run.start(channel);
    }

    /** One delete-by-query: search, then alternately bulk-delete a page and scroll to the next one. */
    private static final class Run {
        private final NodeClient client;
        private final SearchRequest search;
        private final long maxDocs;
        private final boolean proceedOnConflicts;
        private final boolean refresh;
        private final long startNanos = System.nanoTime();
        private final List<ToXContent> failures = new ArrayList<>();
        private RestStatus failureStatus = RestStatus.OK;
        private RestChannel channel;
        private String scrollId;
        private long total = -1;
        private long deleted;
        private long versionConflicts;
        private int batches;
        private boolean timedOut;

        Run(NodeClient client, SearchRequest search, long maxDocs, boolean proceedOnConflicts, boolean refresh) {
            this.client = client;
            this.search = search;
            this.maxDocs = maxDocs;
            this.proceedOnConflicts = proceedOnConflicts;
            this.refresh = refresh;
        }

        void start(RestChannel channel) {
            this.channel = channel;
            client.search(search, ActionListener.wrap(this::onPage, this::fail));
        }

        /** Called on a search thread; the response is released when this returns, so take what is needed now. */
        private void onPage(SearchResponse page) {
            scrollId = page.getScrollId();
            timedOut |= page.isTimedOut();
            if (total < 0) {
                long hits = page.getHits().getTotalHits().value;
                total = maxDocs >= 0 ? Math.min(hits, maxDocs) : hits;
            }
            for (ShardSearchFailure failure : page.getShardFailures()) {
                addFailure(failure, failure.status());
            }
            BulkRequest bulk = new BulkRequest().setRefreshPolicy(refresh ? WriteRequest.RefreshPolicy.IMMEDIATE : WriteRequest.RefreshPolicy.NONE);
            for (SearchHit hit : page.getHits().getHits()) {
                if (maxDocs >= 0 && deleted + versionConflicts + bulk.numberOfActions() >= maxDocs) {
                    break;
                }
                DeleteRequest delete = new DeleteRequest(hit.getIndex(), hit.getId())
                    .setIfSeqNo(hit.getSeqNo())
                    .setIfPrimaryTerm(hit.getPrimaryTerm());
                DocumentField routing = hit.field("_routing");
                if (routing != null) {
                    delete.routing(routing.getValue());
                }
                bulk.add(delete);
            }
            if (bulk.numberOfActions() == 0 || failures.isEmpty() == false) {
                finish();
                return;
            }
            batches++;
            client.bulk(bulk, ActionListener.wrap(this::onDeleted, this::fail));
        }

        private void onDeleted(BulkResponse response) {
            for (BulkItemResponse item : response.getItems()) {
                if (item.isFailed() == false) {
                    deleted++;
                } else if (item.getFailure().getStatus() == RestStatus.CONFLICT) {
                    versionConflicts++;
                    if (proceedOnConflicts == false) {
                        addFailure(item.getFailure(), RestStatus.CONFLICT);
                    }
                } else {
                    addFailure(item.getFailure(), item.getFailure().getStatus());
                }
            }
            if (failures.isEmpty() == false || (maxDocs >= 0 && deleted + versionConflicts >= maxDocs)) {
                finish();
                return;
            }
            SearchScrollRequest next = new SearchScrollRequest(scrollId).scroll(search.scroll().keepAlive());
            client.searchScroll(next, ActionListener.wrap(this::onPage, this::fail));
        }

        private void addFailure(ToXContent failure, RestStatus status) {
            // A bulk item failure is a fragment; a shard failure writes its own object.
            failures.add(failure.isFragment()
                ? (ToXContent) (b, p) -> failure.toXContent(b.startObject(), p).endObject()
                : failure);
            if (status.getStatus() > failureStatus.getStatus()) {
                failureStatus = status;
            }
        }

        private void finish() {
            clearScroll();
            try {
                XContentBuilder body = channel.newBuilder().startObject()
                    .field("took", TimeValue.nsecToMSec(System.nanoTime() - startNanos))
                    .field("timed_out", timedOut)
                    .field("total", Math.max(total, 0))
                    .field("deleted", deleted)
                    .field("batches", batches)
                    .field("version_conflicts", versionConflicts)
                    .field("noops", 0)
                    .startObject("retries").field("bulk", 0).field("search", 0).endObject()
                    .field("throttled_millis", 0)
                    .field("requests_per_second", -1.0f)
                    .field("throttled_until_millis", 0)
                    .startArray("failures");
                for (ToXContent failure : failures) {
                    failure.toXContent(body, ToXContent.EMPTY_PARAMS);
                }
                body.endArray().endObject();
                channel.sendResponse(new RestResponse(failureStatus, body));
            } catch (Exception e) {
                fail(e);
            }
        }

        private void fail(Exception e) {
            clearScroll();
            try {
                channel.sendResponse(new RestResponse(channel, e));
            } catch (IOException inner) {
                e.addSuppressed(inner);
                channel.sendResponse(new RestResponse(RestStatus.INTERNAL_SERVER_ERROR, e.toString()));
            }
        }

        private void clearScroll() {
            if (scrollId != null) {
                ClearScrollRequest clear = new ClearScrollRequest();
                clear.addScrollId(scrollId);
                client.clearScroll(clear, ActionListener.noop());
                scrollId = null;
            }
        }
    }
}

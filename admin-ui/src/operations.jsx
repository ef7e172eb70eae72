import { useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert, Box, Button, Card, CardContent, CardHeader, Chip, LinearProgress, Stack, Table, TableBody, TableCell,
  TableHead, TablePagination, TableRow, Typography,
} from '@mui/material';
import { api, query, totalOf } from './http';

/** The two apps with event processors; both serve the service kit's operations API. */
const APPS = [
  { key: 'query_side', base: '/movies/api/v1/admin', reindex: ['films', 'persons', 'genres'] },
  { key: 'ugc', base: '/ugc/api/v1/admin' },
];
const POLL_MS = 2000;

const Processors = ({ base }) => {
  const translate = useTranslate();
  const { data, error } = useQuery({
    queryKey: ['operations', base, 'processors'],
    queryFn: async () => (await api(`${base}/processors`)).json,
    refetchInterval: POLL_MS,
    retry: 1,
  });
  if (error) return <Alert severity="warning">{translate('cinema.operations.unavailable', { error: error.message })}</Alert>;
  if (!data) return <LinearProgress />;
  return (
    <Table size="small" data-testid={`processors-${base}`}>
      <TableHead>
        <TableRow>
          {['name', 'kind', 'state', 'head', 'lag', 'segments', 'error'].map((column) => (
            <TableCell key={column}>{translate(`cinema.operations.${column}`)}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {data.map((processor) => (
          <TableRow key={processor.name}>
            <TableCell>{processor.name}</TableCell>
            <TableCell>{processor.kind}</TableCell>
            <TableCell>
              <Stack direction="row" spacing={1}>
                <Chip size="small" color={processor.running ? 'success' : 'default'}
                      label={translate(`cinema.operations.${processor.running ? 'running' : 'stopped'}`)} />
                {processor.replaying && <Chip size="small" color="info" label={translate('cinema.operations.replaying')} />}
              </Stack>
            </TableCell>
            <TableCell>{processor.head}</TableCell>
            <TableCell>
              <Chip size="small" color={processor.lag > 0 ? 'warning' : 'success'} label={processor.lag ?? '—'} />
            </TableCell>
            <TableCell sx={{ fontSize: 12 }}>
              {(processor.segments ?? []).map((segment) => (
                <div key={segment.id}>
                  #{segment.id} {segment.owner ?? ''} @{segment.position ?? '—'} lag {segment.lag ?? '—'}
                  {segment.error ? ` — ${segment.error}` : ''}
                </div>
              ))}
            </TableCell>
            <TableCell sx={{ color: 'error.main' }}>{processor.error ?? ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const FINISHED = /complete|cancel|fail/i;

/**
 * Starts a reindex (event replay into fresh indices, then an alias swap) and follows its progress; a reindex that
 * already runs (started elsewhere, or before this page was opened) is followed instead.
 */
const Reindex = ({ base, indices }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const client = useQueryClient();
  const [jobId, setJobId] = useState(null);
  const { data: latest } = useQuery({
    queryKey: ['operations', base, 'reindex-latest'],
    queryFn: async () => (await api(`${base}/reindex`)).json,
    retry: 1,
  });
  const followed = jobId ?? latest?.find((job) => !FINISHED.test(String(job.state)))?.id ?? null;
  const start = useMutation({
    mutationFn: async () => (await api(`${base}/reindex`, { method: 'POST', body: { indices } })).json,
    onSuccess: (job) => {
      setJobId(job.id);
      notify('cinema.operations.reindex_started', { type: 'info' });
    },
    onError: (error) => {
      notify(error.message, { type: 'error' });
      // 409: another reindex runs; follow that one.
      if (error.status === 409) client.invalidateQueries({ queryKey: ['operations', base, 'reindex-latest'] });
    },
  });
  const cancel = useMutation({
    mutationFn: async () => api(`${base}/reindex/${followed}`, { method: 'DELETE' }),
    onError: (error) => notify(error.message, { type: 'error' }),
  });
  const { data: job } = useQuery({
    queryKey: ['operations', base, 'reindex', followed],
    queryFn: async () => (await api(`${base}/reindex/${followed}`)).json,
    enabled: followed != null,
    refetchInterval: (q) => (q.state.data && FINISHED.test(String(q.state.data.state)) ? false : 500),
  });
  const percent = Math.floor(Number(job?.percent ?? 0));
  const running = followed != null && !(job && FINISHED.test(String(job.state)));
  return (
    <Box sx={{ my: 2 }}>
      <Stack direction="row" spacing={2}>
        <Button variant="contained" onClick={() => start.mutate()} disabled={start.isPending || running}
                title={translate('cinema.operations.reindex_title')}>
          {translate('cinema.operations.reindex')}
        </Button>
        {running && (
          <Button color="warning" onClick={() => cancel.mutate()} disabled={cancel.isPending}>
            {translate('ra.action.cancel')}
          </Button>
        )}
      </Stack>
      {followed != null && (
        <Box sx={{ mt: 2 }} data-testid="reindex-progress">
          <LinearProgress variant="determinate" value={percent} aria-label="reindex progress" />
          <Typography variant="body2" sx={{ mt: 1 }}>
            <span data-testid="reindex-percent">{percent}%</span>
            {' · '}{job?.processed ?? 0} / {job?.total || '?'}
            {job?.indices ? ` · ${job.indices.join(', ')}` : ''}
            {job?.state && (
              <>
                {` · ${translate('cinema.operations.reindex_state')}: `}
                <span data-testid="reindex-state">
                  {translate(`cinema.operations.job.${job.state}`, { _: job.state })}
                </span>
              </>
            )}
            {running && job?.eventsPerSecond != null
              ? ` · ${translate('cinema.operations.reindex_rate', { rate: Math.round(job.eventsPerSecond) })}`
              : ''}
            {running && job?.etaSeconds != null
              ? ` · ${translate('cinema.operations.reindex_eta', { eta: job.etaSeconds })}` : ''}
          </Typography>
          {job?.error && <Alert severity="error">{job.error}</Alert>}
        </Box>
      )}
    </Box>
  );
};

const DeadLetterGroup = ({ base, group }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const client = useQueryClient();
  const [page, setPage] = useState(0);
  const perPage = 10;
  const key = ['operations', base, 'dead-letters', group, page];
  const { data } = useQuery({
    queryKey: key,
    queryFn: async () => {
      const response = await api(`${base}/dead-letters/${encodeURIComponent(group)}${query({ offset: page * perPage, limit: perPage })}`);
      return { rows: response.json, total: totalOf(response) };
    },
    refetchInterval: POLL_MS,
  });
  const act = useMutation({
    mutationFn: ({ path, method }) => api(`${base}/dead-letters/${encodeURIComponent(group)}${path}`, { method }),
    onSuccess: ({ json }) => {
      if (json && json.retried !== undefined) {
        notify(json.retried ? 'cinema.operations.retried' : 'cinema.operations.not_retried',
          { type: json.retried ? 'success' : 'warning' });
      }
      client.invalidateQueries({ queryKey: ['operations', base] });
    },
    onError: (error) => notify(error.message, { type: 'error' }),
  });
  if (!data) return <LinearProgress />;
  return (
    <Box sx={{ mb: 2 }}>
      <Stack direction="row" spacing={2} alignItems="center">
        <Typography variant="subtitle1">{group} ({data.total})</Typography>
        {data.total > 0 && (
          <Button size="small" onClick={() => act.mutate({ path: '/retry', method: 'POST' })}>
            {translate('cinema.operations.retry_all')}
          </Button>
        )}
      </Stack>
      {data.total === 0 ? <Typography variant="body2">{translate('cinema.operations.no_dead_letters')}</Typography> : (
        <>
          <Table size="small">
            <TableHead>
              <TableRow>
                {['sequence', 'message', 'cause', 'enqueued'].map((column) => (
                  <TableCell key={column}>{translate(`cinema.operations.${column}`)}</TableCell>
                ))}
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {data.rows.map((letter) => (
                <TableRow key={letter.id}>
                  <TableCell>{letter.sequence}</TableCell>
                  <TableCell>{letter.message_type}</TableCell>
                  <TableCell sx={{ maxWidth: 420, wordBreak: 'break-word' }}>{letter.cause}</TableCell>
                  <TableCell>{new Date(letter.enqueued_at).toLocaleString()}</TableCell>
                  <TableCell>
                    <Button size="small" onClick={() => act.mutate({ path: `/${encodeURIComponent(letter.id)}/retry`, method: 'POST' })}>
                      {translate('cinema.operations.retry')}
                    </Button>
                    <Button size="small" color="error" onClick={() => act.mutate({ path: `/${encodeURIComponent(letter.id)}`, method: 'DELETE' })}>
                      {translate('cinema.operations.evict')}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <TablePagination component="div" count={data.total} page={page} rowsPerPage={perPage}
                           rowsPerPageOptions={[perPage]} onPageChange={(_, next) => setPage(next)} />
        </>
      )}
    </Box>
  );
};

const DeadLetters = ({ base }) => {
  const translate = useTranslate();
  const { data: groups, error } = useQuery({
    queryKey: ['operations', base, 'dead-letter-groups'],
    queryFn: async () => (await api(`${base}/dead-letters`)).json,
    refetchInterval: POLL_MS * 5,
    retry: 1,
  });
  if (error) return <Alert severity="warning">{translate('cinema.operations.unavailable', { error: error.message })}</Alert>;
  if (!groups) return <LinearProgress />;
  return groups.map((group) => <DeadLetterGroup key={group} base={base} group={group} />);
};

export const OperationsPage = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="cinema.operations.title" />
      {APPS.map((app) => (
        <Card key={app.key} sx={{ mb: 2 }}>
          <CardHeader title={translate(`cinema.operations.${app.key}`)} />
          <CardContent>
            <Typography variant="h6">{translate('cinema.operations.processors')}</Typography>
            <Processors base={app.base} />
            {app.reindex && <Reindex base={app.base} indices={app.reindex} />}
            <Typography variant="h6" sx={{ mt: 2 }}>{translate('cinema.operations.dead_letters')}</Typography>
            <DeadLetters base={app.base} />
          </CardContent>
        </Card>
      ))}
    </Box>
  );
};

import { createContext, useContext, useEffect, useState } from 'react';
import {
  DeleteButton, Edit, FormTab, SaveButton, TabbedForm, Toolbar, useDataProvider, useNotify, useRecordContext, useRefresh,
  useResourceContext, useTranslate,
} from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { useQuery } from '@tanstack/react-query';
import {
  Alert, Box, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, Table, TableBody,
  TableCell, TableHead, TableRow, Typography,
} from '@mui/material';

/** What the pieces of a catalogue edit page share about a 409 answer. */
const ConflictContext = createContext({ conflict: null, setConflict: () => {} });

/**
 * Edit for films, persons and genres: saves wait for the server (pessimistic), with the version loaded as
 * If-Match; a 409 opens the conflict dialog of the toolbar instead of a bare error.
 */
export const CatalogueEdit = ({ children, ...props }) => {
  const [conflict, setConflict] = useState(null);
  const notify = useNotify();
  const onError = (error, variables) => {
    if (error?.status === 409 && error.body?.currentVersion != null) {
      setConflict({ previous: variables.previousData, currentVersion: error.body.currentVersion });
    } else {
      notify(error?.message ?? 'ra.notification.http_error', { type: 'error' });
    }
  };
  return (
    <ConflictContext.Provider value={{ conflict, setConflict }}>
      <Edit mutationMode="pessimistic" mutationOptions={{ onError }} {...props}>
        {children}
      </Edit>
    </ConflictContext.Provider>
  );
};

const shown = (value) => {
  if (value == null || value === '') return '—';
  if (Array.isArray(value)) {
    return value.map((item) => (typeof item === 'object' ? Object.values(item).join(' ') : item)).join(', ') || '—';
  }
  return String(value);
};

const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Shows what changed between the version the form was opened at and the current one, and offers a reload. */
const ConflictDialog = ({ fields }) => {
  const { conflict, setConflict } = useContext(ConflictContext);
  const record = useRecordContext();
  const resource = useResourceContext();
  const dataProvider = useDataProvider();
  const translate = useTranslate();
  const refresh = useRefresh();
  const { reset } = useFormContext();
  const [current, setCurrent] = useState(null);

  useEffect(() => {
    setCurrent(null);
    if (conflict && record?.id) {
      dataProvider.getOne(resource, { id: record.id }).then(({ data }) => setCurrent(data));
    }
  }, [conflict, record?.id, resource, dataProvider]);

  if (!conflict) return null;
  const changed = current ? fields.filter((field) => !same(conflict.previous?.[field], current[field])) : [];
  const reload = () => {
    reset(current);
    refresh();
    setConflict(null);
  };
  return (
    <Dialog open onClose={() => setConflict(null)} maxWidth="md" fullWidth aria-labelledby="conflict-title">
      <DialogTitle id="conflict-title">{translate('cinema.conflict.title')}</DialogTitle>
      <DialogContent>
        <Typography gutterBottom>
          {translate('cinema.conflict.explain', {
            mine: conflict.previous?.version, current: current?.version ?? conflict.currentVersion,
          })}
        </Typography>
        {!current && <CircularProgress size={24} />}
        {current && changed.length === 0 && <Alert severity="info">{translate('cinema.conflict.none')}</Alert>}
        {changed.length > 0 && (
          <Table size="small" data-testid="conflict-changes">
            <TableHead>
              <TableRow>
                <TableCell>{translate('cinema.conflict.field')}</TableCell>
                <TableCell>{translate('cinema.conflict.yours_before')}</TableCell>
                <TableCell>{translate('cinema.conflict.now')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {changed.map((field) => (
                <TableRow key={field}>
                  <TableCell>{translate(`resources.${resource}.fields.${field}`, { _: field })}</TableCell>
                  <TableCell>{shown(conflict.previous?.[field])}</TableCell>
                  <TableCell>{shown(current[field])}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={() => setConflict(null)}>{translate('cinema.conflict.keep')}</Button>
        <Button variant="contained" onClick={reload} disabled={!current}>{translate('cinema.conflict.reload')}</Button>
      </DialogActions>
    </Dialog>
  );
};

/** Save, delete (with confirmation: the edit is pessimistic) and the conflict dialog. */
export const CatalogueToolbar = ({ fields }) => (
  <Toolbar sx={{ display: 'flex', justifyContent: 'space-between' }}>
    <SaveButton />
    <DeleteButton mutationMode="pessimistic" />
    <ConflictDialog fields={fields} />
  </Toolbar>
);

/**
 * The edit page of a film, person or genre: its fields on the first tab, its event history on the second;
 * `compared` names the fields the conflict dialog compares.
 */
export const CatalogueEditForm = ({ compared, children }) => (
  <CatalogueEdit>
    <TabbedForm toolbar={<CatalogueToolbar fields={compared} />}>
      <FormTab label="cinema.tab.details">
        {children}
      </FormTab>
      <FormTab label="cinema.tab.history" path="history">
        <HistoryTable />
      </FormTab>
    </TabbedForm>
  </CatalogueEdit>
);

/** The aggregate's events, oldest first: version, event type, time, acting user and the event's facts. */
export const HistoryTable = () => {
  const record = useRecordContext();
  const resource = useResourceContext();
  const dataProvider = useDataProvider();
  const translate = useTranslate();
  const { data, isPending, error } = useQuery({
    queryKey: [resource, 'history', record?.id, record?.version],
    queryFn: () => dataProvider.history(resource, record.id),
    enabled: !!record?.id,
  });
  if (isPending) return <CircularProgress size={24} />;
  if (error) return <Alert severity="error">{error.message}</Alert>;
  if (!data?.length) return <Typography>{translate('cinema.history.empty')}</Typography>;
  return (
    <Box sx={{ width: '100%', overflowX: 'auto' }}>
      <Table size="small" data-testid="history">
        <TableHead>
          <TableRow>
            <TableCell>{translate('cinema.history.version')}</TableCell>
            <TableCell>{translate('cinema.history.event')}</TableCell>
            <TableCell>{translate('cinema.history.time')}</TableCell>
            <TableCell>{translate('cinema.history.user')}</TableCell>
            <TableCell>{translate('cinema.history.change')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {data.map((entry) => (
            <TableRow key={entry.version}>
              <TableCell>{entry.version}</TableCell>
              <TableCell>{entry.type}</TableCell>
              <TableCell>{new Date(entry.time).toLocaleString()}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace', fontSize: 12 }}>{entry.userId ?? '—'}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace', fontSize: 12, maxWidth: 480, wordBreak: 'break-word' }}>
                {JSON.stringify(withoutIds(entry.payload))}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

/** The aggregate id repeats in every event; the history reads better without it. */
function withoutIds(payload) {
  if (!payload || typeof payload !== 'object') return payload;
  return Object.fromEntries(Object.entries(payload).filter(([key]) => !/^(film|person|genre)?[iI]d$/.test(key)));
}

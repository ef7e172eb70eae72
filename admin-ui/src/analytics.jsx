import { useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import {
  Alert, Autocomplete, Box, Card, CardContent, CardHeader, LinearProgress, MenuItem, Stack, TextField, Typography,
} from '@mui/material';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api, query } from './http';

const UGC = '/ugc/api/v1';
const PERIODS = [7, 30, 90, 365];
const METRICS = ['views', 'unique_viewers', 'completions'];

async function titleOf(id) {
  try {
    return (await api(`/movies/api/v1/films/${id}`)).json.title;
  } catch {
    return id.slice(0, 8);
  }
}

const TopFilms = () => {
  const translate = useTranslate();
  const [days, setDays] = useState(7);
  const [metric, setMetric] = useState('views');
  const { data, error, isPending } = useQuery({
    queryKey: ['analytics', 'top', days, metric],
    queryFn: async () => {
      const { json } = await api(`${UGC}/films/top${query({ period: `${days}d`, metric, limit: 10 })}`);
      return Promise.all(json.map(async (row) => ({ title: await titleOf(row.film_id), value: row.value })));
    },
  });
  return (
    <Card sx={{ mb: 2 }}>
      <CardHeader title={translate('cinema.analytics.top')} />
      <CardContent>
        <Stack direction="row" spacing={2} sx={{ mb: 2 }}>
          <TextField select size="small" label={translate('cinema.analytics.period')} value={days}
                     onChange={(e) => setDays(Number(e.target.value))}>
            {PERIODS.map((d) => <MenuItem key={d} value={d}>{translate('cinema.analytics.days', { days: d })}</MenuItem>)}
          </TextField>
          <TextField select size="small" label={translate('cinema.analytics.metric')} value={metric}
                     onChange={(e) => setMetric(e.target.value)}>
            {METRICS.map((m) => <MenuItem key={m} value={m}>{translate(`cinema.analytics.${m}`)}</MenuItem>)}
          </TextField>
        </Stack>
        {isPending && <LinearProgress />}
        {error && <Alert severity="error">{error.message}</Alert>}
        {data && data.length === 0 && <Typography>{translate('cinema.analytics.no_data')}</Typography>}
        {data && data.length > 0 && (
          <Box data-testid="top-films">
            <ResponsiveContainer width="100%" height={40 * data.length + 60}>
              <BarChart data={data} layout="vertical" margin={{ left: 16, right: 24 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="title" width={220} />
                <Tooltip />
                <Bar dataKey="value" name={translate(`cinema.analytics.${metric}`)} fill="#1976d2" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </Box>
        )}
      </CardContent>
    </Card>
  );
};

const isoDay = (date) => date.toISOString().slice(0, 10);

const FilmStats = () => {
  const translate = useTranslate();
  const [search, setSearch] = useState('');
  const [film, setFilm] = useState(null);
  const [to, setTo] = useState(isoDay(new Date()));
  const [from, setFrom] = useState(isoDay(new Date(Date.now() - 29 * 86_400_000)));
  const { data: options = [] } = useQuery({
    queryKey: ['analytics', 'film-search', search],
    queryFn: async () => (await api(`/movies/api/v1/films/search${query({ query: search, page_size: 10 })}`)).json,
    enabled: search.trim().length > 1,
  });
  const { data: stats, error } = useQuery({
    queryKey: ['analytics', 'stats', film?.uuid, from, to],
    queryFn: async () => (await api(`${UGC}/films/${film.uuid}/stats${query({ from, to })}`)).json,
    enabled: !!film,
  });
  const rating = stats?.rating ?? {};
  const bars = stats ? [
    { name: translate('cinema.analytics.views'), value: stats.views },
    { name: translate('cinema.analytics.unique_viewers'), value: stats.unique_viewers },
    { name: translate('cinema.analytics.completions'), value: stats.completions },
    { name: translate('cinema.analytics.bookmarks'), value: stats.bookmarks },
    { name: translate('cinema.analytics.ratings'), value: rating.count },
  ] : [];
  return (
    <Card>
      <CardHeader title={translate('cinema.analytics.film_stats')} />
      <CardContent>
        <Stack direction="row" spacing={2} sx={{ mb: 2 }}>
          <Autocomplete sx={{ minWidth: 360 }} options={options} value={film}
                        getOptionLabel={(option) => option.title} isOptionEqualToValue={(a, b) => a.uuid === b.uuid}
                        filterOptions={(x) => x} onInputChange={(_, text) => setSearch(text)}
                        onChange={(_, value) => setFilm(value)}
                        renderInput={(params) => <TextField {...params} size="small" label={translate('cinema.analytics.pick_film')} />} />
          <TextField type="date" size="small" label={translate('cinema.analytics.from')} value={from}
                     onChange={(e) => setFrom(e.target.value)} InputLabelProps={{ shrink: true }} />
          <TextField type="date" size="small" label={translate('cinema.analytics.to')} value={to}
                     onChange={(e) => setTo(e.target.value)} InputLabelProps={{ shrink: true }} />
        </Stack>
        {error && <Alert severity="error">{error.message}</Alert>}
        {stats && (
          <Box data-testid="film-stats">
            <Typography>
              {translate('cinema.analytics.average_progress')}: {Math.round(stats.average_progress * 100)}%
              {' · '}{translate('cinema.analytics.average_rating')}: {rating.average ?? '—'}
            </Typography>
            <ResponsiveContainer width="100%" height={300}>
              <BarChart data={bars}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="name" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Bar dataKey="value" fill="#2e7d32" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </Box>
        )}
      </CardContent>
    </Card>
  );
};

export const AnalyticsPage = () => (
  <Box sx={{ mt: 2 }}>
    <Title title="cinema.analytics.title" />
    <TopFilms />
    <FilmStats />
  </Box>
);

import { useState } from 'react';
import {
  AutocompleteArrayInput, BooleanField, ChipField, Datagrid, DeleteButton, Edit, EditButton, FormTab, List,
  ReferenceArrayField, ReferenceArrayInput, SaveButton, SearchInput, SingleFieldList, TabbedForm, TextField,
  TextInput, Toolbar, useDataProvider, useRecordContext, useTranslate,
} from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import {
  Alert, CircularProgress, Table, TableBody, TableCell, TableHead, TablePagination, TableRow,
} from '@mui/material';

export const UserList = () => (
  <List filters={[<SearchInput key="q" source="q" alwaysOn />]} perPage={25} sort={{}}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="email" sortable={false} />
      <TextField source="first_name" sortable={false} />
      <TextField source="last_name" sortable={false} />
      <ReferenceArrayField source="roleIds" reference="roles" sortable={false}>
        <SingleFieldList linkType={false}>
          <ChipField source="name" size="small" />
        </SingleFieldList>
      </ReferenceArrayField>
      <BooleanField source="superuser" sortable={false} />
      <BooleanField source="active" sortable={false} />
      <EditButton />
    </Datagrid>
  </List>
);

/** Successful logins, newest first, paged on the server. */
const LoginHistory = () => {
  const record = useRecordContext();
  const dataProvider = useDataProvider();
  const translate = useTranslate();
  const [page, setPage] = useState(0);
  const perPage = 25;
  const { data, isPending, error } = useQuery({
    queryKey: ['users', 'login-history', record?.id, page],
    queryFn: () => dataProvider.loginHistory(record.id, page + 1, perPage),
    enabled: !!record?.id,
  });
  if (isPending) return <CircularProgress size={24} />;
  if (error) return <Alert severity="error">{error.message}</Alert>;
  return (
    <>
      <Table size="small" data-testid="login-history">
        <TableHead>
          <TableRow>
            {['time', 'method', 'ip', 'user_agent'].map((column) => (
              <TableCell key={column}>{translate(`cinema.login_history.${column}`)}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {data.data.map((entry) => (
            <TableRow key={`${entry.logged_in_at}-${entry.ip}`}>
              <TableCell>{new Date(entry.logged_in_at).toLocaleString()}</TableCell>
              <TableCell>{entry.method}</TableCell>
              <TableCell>{entry.ip}</TableCell>
              <TableCell>{entry.user_agent}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <TablePagination component="div" count={data.total} page={page} rowsPerPage={perPage}
                       rowsPerPageOptions={[perPage]} onPageChange={(_, next) => setPage(next)} />
    </>
  );
};

const UserToolbar = () => (
  <Toolbar sx={{ display: 'flex', justifyContent: 'space-between' }}>
    <SaveButton />
    <DeleteButton mutationMode="pessimistic" label="ra.action.delete" />
  </Toolbar>
);

export const UserEdit = () => (
  <Edit mutationMode="pessimistic">
    <TabbedForm toolbar={<UserToolbar />}>
      <FormTab label="cinema.tab.details">
        <TextInput source="email" disabled fullWidth />
        <TextInput source="first_name" disabled />
        <TextInput source="last_name" disabled />
        <ReferenceArrayInput source="roleIds" reference="roles" perPage={100}>
          <AutocompleteArrayInput optionText="name" filterToQuery={(q) => ({ q })} fullWidth />
        </ReferenceArrayInput>
      </FormTab>
      <FormTab label="cinema.tab.login_history" path="logins">
        <LoginHistory />
      </FormTab>
    </TabbedForm>
  </Edit>
);

import {
  Create, Datagrid, EditButton, List, SearchInput, SimpleForm, TextField, TextInput, required,
} from 'react-admin';
import { CatalogueEditForm } from './catalogue';

export const GenreList = () => (
  <List filters={[<SearchInput key="q" source="q" alwaysOn />]} sort={{ field: 'name', order: 'ASC' }} perPage={25}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="name" />
      <EditButton />
    </Datagrid>
  </List>
);

const GenreFields = () => (
  <>
    <TextInput source="name" validate={required()} fullWidth />
    <TextInput source="description" multiline minRows={2} fullWidth />
  </>
);

export const GenreEdit = () => (
  <CatalogueEditForm compared={['name', 'description']}>
    <GenreFields />
  </CatalogueEditForm>
);

export const GenreCreate = () => (
  <Create redirect="list">
    <SimpleForm>
      <GenreFields />
    </SimpleForm>
  </Create>
);

import {
  Create, Datagrid, EditButton, List, SearchInput, SimpleForm, TextField, TextInput, required,
} from 'react-admin';
import { CatalogueEditForm } from './catalogue';

export const PersonList = () => (
  <List filters={[<SearchInput key="q" source="q" alwaysOn />]} perPage={25} sort={{}}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="fullName" sortable={false} />
      <TextField source="films" sortable={false} />
      <EditButton />
    </Datagrid>
  </List>
);

export const PersonEdit = () => (
  <CatalogueEditForm compared={['fullName']}>
    <TextInput source="fullName" validate={required()} fullWidth />
  </CatalogueEditForm>
);

export const PersonCreate = () => (
  <Create redirect="list">
    <SimpleForm>
      <TextInput source="fullName" validate={required()} fullWidth />
    </SimpleForm>
  </Create>
);

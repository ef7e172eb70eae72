import {
  Create, Datagrid, EditButton, FormTab, List, SearchInput, SimpleForm, TabbedForm, TextField, TextInput, required,
} from 'react-admin';
import { CatalogueEdit, CatalogueToolbar, HistoryTable } from './catalogue';

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
  <CatalogueEdit>
    <TabbedForm toolbar={<CatalogueToolbar fields={['name', 'description']} />}>
      <FormTab label="cinema.tab.details">
        <GenreFields />
      </FormTab>
      <FormTab label="cinema.tab.history" path="history">
        <HistoryTable />
      </FormTab>
    </TabbedForm>
  </CatalogueEdit>
);

export const GenreCreate = () => (
  <Create redirect="list">
    <SimpleForm>
      <GenreFields />
    </SimpleForm>
  </Create>
);
